package org.uputnica.console.referral;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.uputnica.console.caseservice.CaseModel;
import org.uputnica.console.referralservice.ReferralModel;
import org.uputnica.console.web.ConsoleConfig;
import org.uputnica.console.web.ConsoleSession;
import org.uputnica.console.web.Labels;

import java.util.function.Function;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The inter-agency referral form of one referral as an A4 PDF, for agencies that must file paper. It holds only what
 * the APIs show this viewer (the same loading as the referral page), in the viewer's language, with DejaVu fonts
 * embedded so Serbian Latin and Cyrillic print correctly.
 */
@Path("/referrals/{id}/form.pdf")
public class ReferralFormPdf {
    private static final float MARGIN = 50;
    private static final float LEADING = 15;

    private final ReferralPages pages;
    private final ConsoleSession session;
    private final ConsoleConfig config;
    private final Labels labels;

    public ReferralFormPdf(ReferralPages pages, ConsoleSession session, ConsoleConfig config, Labels labels) {
        this.pages = pages;
        this.session = session;
        this.config = config;
        this.labels = labels;
    }

    @GET
    @Produces("application/pdf")
    public Response get(@PathParam("id") UUID id) {
        ReferralPages.Detail d = pages.load(id, null);
        java.util.Locale locale = session.locale();
        byte[] pdf = render(d, key -> labels.get(key, locale));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + d.referral().reference() + ".pdf\"")
                .build();
    }

    byte[] render(ReferralPages.Detail d, Function<String, String> msg) {
        ReferralModel.Referral r = d.referral();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(session.locale());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {msg.apply("referral_reference"), r.reference()});
        rows.add(new String[] {msg.apply("referral_from"), r.fromAgency()});
        rows.add(new String[] {msg.apply("referral_to"), r.toAgency()});
        rows.add(new String[] {msg.apply("referral_service"), msg.apply("service_" + r.service())});
        rows.add(new String[] {msg.apply("referral_urgency"), msg.apply("urgency_" + r.urgency())});
        rows.add(new String[] {msg.apply("referral_status"), msg.apply("status_" + r.status())});
        rows.add(new String[] {msg.apply("referral_sent"), r.sentAt() == null ? "" : when.format(r.sentAt()
                .atZoneSameInstant(java.time.ZoneId.of("Europe/Belgrade")))});
        CaseModel.CaseFile c = d.caseFile();
        if (c != null) {
            rows.add(new String[] {msg.apply("case_reference"), c.reference()});
            if (c.person() != null) {
                rows.add(new String[] {msg.apply("person_name"), c.person().fullName()});
                if (c.person().dateOfBirth() != null) {
                    rows.add(new String[] {msg.apply("person_born"), c.person().dateOfBirth().toString()});
                }
            }
        }
        rows.add(new String[] {msg.apply("referral_reason"), r.withheld() ? msg.apply("referral_withheld")
                : r.reason() == null ? "" : r.reason()});
        for (ReferralModel.HistoryEntry h : d.history()) {
            rows.add(new String[] {when.format(h.at().atZoneSameInstant(java.time.ZoneId.of("Europe/Belgrade"))),
                    msg.apply("status_" + h.toStatus()) + " · " + (h.actorAgency() == null ? "" : h.actorAgency())});
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = PDType0Font.load(doc, new File(config.pdf().font()));
            PDFont bold = PDType0Font.load(doc, new File(config.pdf().boldFont()));
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            doc.getDocumentInformation().setTitle(msg.apply("pdf_title") + " " + r.reference());
            float y = page.getMediaBox().getHeight() - MARGIN;
            PDPageContentStream s = new PDPageContentStream(doc, page);
            y = line(s, bold, 16, MARGIN, y, msg.apply("pdf_title"));
            y -= LEADING;
            for (String[] row : rows) {
                if (y < MARGIN + 3 * LEADING) {
                    s.close();
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    s = new PDPageContentStream(doc, page);
                    y = page.getMediaBox().getHeight() - MARGIN;
                }
                y = line(s, bold, 10, MARGIN, y, row[0]);
                for (String part : wrap(row[1], 90)) {
                    y = line(s, regular, 11, MARGIN + 10, y, part);
                }
                y -= 4;
            }
            s.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float line(PDPageContentStream s, PDFont font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text.replaceAll("[\\r\\n\\t]", " "));
        s.endText();
        return y - LEADING;
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + word.length() + 1 > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
