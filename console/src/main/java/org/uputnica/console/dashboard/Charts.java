package org.uputnica.console.dashboard;

import io.quarkus.qute.TemplateExtension;

import java.util.List;

/** The height of a bar chart's SVG box: one 24-unit row per bar. */
@TemplateExtension
final class Charts {
    private Charts() {
    }

    static long chartHeight(List<Bar> bars) {
        return bars.size() * 24L + 4;
    }
}
