package io.kafmirror.engine.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays text out on A4 pages with PDFBox: headings, wrapped paragraphs and tables whose rows wrap within their cells and
 * continue on the next page under a repeated header, and a footer numbering every page ("Page 2 of 5"). Everything is
 * real text in the standard Helvetica fonts, so it can be searched, copied and extracted; a character those fonts
 * cannot show is written as {@code ?}.
 */
final class PdfLayout implements AutoCloseable {

    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float BOTTOM = MARGIN + 20;
    private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
    private static final float BODY = 10;
    private static final float CELL = 7.5f;
    private static final float PADDING = 2;
    private static final String SEPARATORS = "/._-:,";
    // A cell longer than this many lines is cut, so that every row fits on a page; the data files hold the whole text.
    private static final int MOST_CELL_LINES = 40;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Character, Boolean> showable = new HashMap<>();
    private final String footer;
    private PDPageContentStream content;
    private float y;

    /** A document titled {@code title}, whose every page carries {@code footer} beside its number. */
    PdfLayout(String title, String footer) {
        this.footer = clean(footer);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("kaf-mirror");
        newPage();
    }

    /** The document's title, large. */
    void title(String text) {
        lines(text, bold, 18, WIDTH, MARGIN);
        space(6);
    }

    /** A section heading; starts a new page when fewer than a few lines would fit under it. */
    void heading(String text) {
        if (y - 80 < BOTTOM) {
            newPage();
        }
        space(10);
        lines(text, bold, 13, WIDTH, MARGIN);
        space(4);
    }

    /** A paragraph of body text, wrapped. */
    void paragraph(String text) {
        lines(text, regular, BODY, WIDTH, MARGIN);
        space(5);
    }

    /**
     * A table: {@code widths} are the columns' shares of the page width; each row is as tall as its longest wrapped
     * cell, and a row that does not fit goes on the next page under the header again.
     */
    void table(List<String> header, float[] widths, List<List<String>> rows) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        float[] columns = new float[widths.length];
        for (int i = 0; i < widths.length; i++) {
            columns[i] = widths[i] / total * WIDTH;
        }
        List<List<String>> head = wrapped(header, columns, bold);
        row(head, columns, bold);
        for (List<String> cells : rows) {
            // Wrapped once, for the page check and the drawing both.
            List<List<String>> row = wrapped(cells, columns, regular);
            if (y - height(row) < BOTTOM) {
                newPage();
                row(head, columns, bold);
            }
            row(row, columns, regular);
        }
        space(8);
    }

    private List<List<String>> wrapped(List<String> cells, float[] columns, PDType1Font font) {
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            lines.add(cellLines(cells.get(i), font, columns[i] - 2 * PADDING));
        }
        return lines;
    }

    private void row(List<List<String>> cells, float[] columns, PDType1Font font) {
        float h = height(cells);
        if (y - h < BOTTOM) {
            newPage();
        }
        float top = y;
        float x = MARGIN;
        for (int i = 0; i < columns.length; i++) {
            y = top - PADDING;
            show(cells.get(i), font, CELL, x + PADDING);
            x += columns[i];
        }
        y = top - h;
        try {
            content.setLineWidth(0.3f);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static float height(List<List<String>> cells) {
        int most = 1;
        for (List<String> lines : cells) {
            most = Math.max(most, lines.size());
        }
        return most * leading(CELL) + 2 * PADDING;
    }

    private List<String> cellLines(String text, PDType1Font font, float width) {
        List<String> lines = wrap(text, font, CELL, width);
        if (lines.size() <= MOST_CELL_LINES) {
            return lines;
        }
        List<String> cut = new ArrayList<>(lines.subList(0, MOST_CELL_LINES - 1));
        cut.add("(more in CSV)");
        return cut;
    }

    private void lines(String text, PDType1Font font, float size, float width, float x) {
        show(wrap(text, font, size, width), font, size, x);
    }

    private void show(List<String> lines, PDType1Font font, float size, float x) {
        for (String line : lines) {
            if (y - leading(size) < BOTTOM) {
                newPage();
            }
            y -= leading(size);
            try {
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(x, y + leading(size) - size);
                content.showText(line);
                content.endText();
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    private void space(float points) {
        y -= points;
    }

    private static float leading(float size) {
        return size * 1.3f;
    }

    /** The lines of {@code text} in {@code width}: broken at spaces, and within a word too long for a line. */
    private List<String> wrap(String text, PDType1Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : clean(text == null ? "" : text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                for (char c : word.toCharArray()) {
                    if (!line.isEmpty() && width(line.toString() + c, font, size) > width) {
                        // Break after the last separator (a topic's dot, a key's slash) when there is one, else here.
                        int cut = lastSeparator(line) + 1;
                        String rest = cut > 0 ? line.substring(cut) : "";
                        lines.add(cut > 0 ? line.substring(0, cut) : line.toString());
                        line.setLength(0);
                        line.append(rest);
                    }
                    line.append(c);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static int lastSeparator(CharSequence text) {
        for (int i = text.length() - 1; i > 0; i--) {
            if (SEPARATORS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private float width(String text, PDType1Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** {@code text} with every character the standard fonts cannot show replaced by {@code ?}, tabs by spaces. */
    private String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.replace('\t', ' ').replace("\r", "").toCharArray()) {
            out.append(c == '\n' || showable.computeIfAbsent(c, this::canShow) ? c : '?');
        }
        return out.toString();
    }

    private boolean canShow(char c) {
        try {
            regular.encode(String.valueOf(c));
            return !Character.isISOControl(c);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = SIZE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Numbers the pages and returns the document's bytes. */
    byte[] finish() {
        try {
            content.close();
            content = null;
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String number = "Page " + (i + 1) + " of " + pages;
                    foot.beginText();
                    foot.setFont(regular, 8);
                    foot.newLineAtOffset(MARGIN, MARGIN - 10);
                    foot.showText(footer);
                    foot.endText();
                    foot.beginText();
                    foot.newLineAtOffset(MARGIN + WIDTH - width(number, regular, 8), MARGIN - 10);
                    foot.showText(number);
                    foot.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("Cannot write the evidence report's PDF: " + e.getMessage(), e);
    }
}
