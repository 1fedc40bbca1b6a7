// Drawing helpers over pdfkit's vector API: status badges, bounded tables and a bar chart.
// No "server-only": pure functions of a PDFDocument (pdfkit stays external in next.config.js).

export type Doc = PDFKit.PDFDocument;

export const COLORS = { pass: "#047857", fail: "#b91c1c", unknown: "#92400e", ink: "#0f172a", muted: "#475569", rule: "#cbd5e1", bar: "#0f766e" } as const;
const MARGIN = 50;

export function heading(doc: Doc, text: string, size = 16): void {
  ensureSpace(doc, size * 3);
  doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).fillColor(COLORS.ink).text(text, MARGIN, doc.y);
  doc.moveDown(0.3).font("Helvetica").fontSize(10).fillColor(COLORS.ink);
}

export function paragraph(doc: Doc, text: string, options: { color?: string; size?: number } = {}): void {
  doc.font("Helvetica").fontSize(options.size ?? 10).fillColor(options.color ?? COLORS.ink).text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
}

export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

export function badge(doc: Doc, status: "pass" | "fail" | "unknown", x: number, y: number): void {
  doc.save().roundedRect(x, y, 52, 14, 3).fill(COLORS[status]).restore();
  doc.font("Helvetica-Bold").fontSize(8).fillColor("#ffffff").text(status.toUpperCase(), x, y + 3.5, { width: 52, align: "center" });
  doc.font("Helvetica").fillColor(COLORS.ink);
}

/** A simple table: header row, then rows; long cells are clipped to one line. */
export function table(doc: Doc, columns: { header: string; width: number }[], rows: (string | number | null)[][]): void {
  const line = (cells: (string | number | null)[], bold: boolean) => {
    ensureSpace(doc, 16);
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8).fillColor(COLORS.ink);
    cells.forEach((cell, i) => {
      const w = columns[i]!.width;
      doc.text(cell === null ? "-" : String(cell), x + 2, y + 3, { width: w - 4, height: 10, lineBreak: false, ellipsis: true });
      x += w;
    });
    doc.moveTo(MARGIN, y + 14).lineTo(x, y + 14).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    doc.x = MARGIN;
    doc.y = y + 15;
  };
  line(columns.map((c) => c.header), true);
  if (rows.length === 0) {
    paragraph(doc, "No rows.", { color: COLORS.muted, size: 8 });
    return;
  }
  for (const r of rows) line(r, false);
  doc.moveDown(0.5);
}

/** A vertical bar chart drawn with rectangles and lines (vector, no raster). */
export function barChart(doc: Doc, title: string, bars: { label: string; value: number; color?: string }[], height = 150): void {
  ensureSpace(doc, height + 60);
  const top = doc.y + 18;
  const width = doc.page.width - 2 * MARGIN;
  const left = MARGIN + 30;
  const plotWidth = width - 30;
  doc.font("Helvetica-Bold").fontSize(10).fillColor(COLORS.ink).text(title, MARGIN, doc.y);
  const max = Math.max(1, ...bars.map((b) => b.value));
  doc.moveTo(left, top).lineTo(left, top + height).lineTo(left + plotWidth, top + height).lineWidth(0.8).strokeColor(COLORS.muted).stroke();
  for (const tick of [0, 0.5, 1]) {
    const y = top + height - tick * height;
    doc.font("Helvetica").fontSize(7).fillColor(COLORS.muted).text(String(Math.round(max * tick)), MARGIN, y - 3, { width: 26, align: "right" });
    if (tick > 0) doc.moveTo(left, y).lineTo(left + plotWidth, y).lineWidth(0.3).dash(2, { space: 2 }).strokeColor(COLORS.rule).stroke().undash();
  }
  const slot = plotWidth / Math.max(1, bars.length);
  bars.forEach((b, i) => {
    const h = (b.value / max) * height;
    const x = left + i * slot + slot * 0.15;
    if (h > 0) doc.rect(x, top + height - h, slot * 0.7, h).fill(b.color ?? COLORS.bar);
    doc.font("Helvetica").fontSize(7).fillColor(COLORS.ink).text(String(b.value), x, top + height - h - 10, { width: slot * 0.7, align: "center" });
    doc.fontSize(7).fillColor(COLORS.muted).text(b.label, left + i * slot, top + height + 4, { width: slot, align: "center", height: 18, ellipsis: true });
  });
  doc.x = MARGIN;
  doc.y = top + height + 28;
  doc.fillColor(COLORS.ink);
}
