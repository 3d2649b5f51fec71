package org.uputnica.console.dashboard;

/**
 * One bar of a dashboard chart, drawn as SVG on the server: its label (a message key, or an agency alias when the key
 * is empty), its count, its width in the 0..300 box and its row's top.
 */
public record Bar(String key, String label, long count, long width, long y) {
    public long textY() {
        return y + 16;
    }

    public long rectY() {
        return y + 4;
    }

    public long countX() {
        return width + 156;
    }
}
