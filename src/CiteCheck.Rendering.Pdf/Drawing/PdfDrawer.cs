using CiteCheck.Rendering.Pdf.Fonts;
using CiteCheck.Rendering.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace CiteCheck.Rendering.Pdf.Drawing;

/// <summary>Document metadata written to the PDF's information dictionary.</summary>
public sealed record PdfMetadata(string Title, string Subject, DateTimeOffset Created);

/// <summary>
/// Draws laid-out pages with PDFsharp: the units' text, rules and fills; named destinations for anchors, internal links
/// to them and web links; the outline (bookmarks) nested by level; the running header and the page N of M footer.
/// Output is deterministic: dates come from the build time, and <see cref="Reproducible"/> fixes what PDFsharp randomises.
/// </summary>
public sealed class PdfDrawer(PdfSharpTextMeasurer fonts)
{
    private sealed record LinkArea(int Page, PdfRectangle Rect, LinkTarget Target);

    private sealed record Anchor(int Page, double Top);

    private sealed record OutlineEntry(string Title, int Level, int Page, double Top);

    public byte[] Draw(IReadOnlyList<LaidOutPage> pages, PageGeometry geometry, PageFurniture furniture, PdfMetadata metadata)
    {
        using var document = new PdfDocument();
        document.Info.Title = metadata.Title;
        document.Info.Subject = metadata.Subject;
        document.Info.Creator = "CiteCheck";
        document.Info.CreationDate = metadata.Created.UtcDateTime;
        document.Info.ModificationDate = metadata.Created.UtcDateTime;
        document.PageMode = PdfPageMode.UseOutlines;

        var anchors = new Dictionary<string, Anchor>(StringComparer.Ordinal);
        var links = new List<LinkArea>();
        var outline = new List<OutlineEntry>();
        foreach (var laid in pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(geometry.Width);
            page.Height = XUnit.FromPoint(geometry.Height);
            using var gfx = XGraphics.FromPdfPage(page);
            var pageLinks = new List<(XRect Area, LinkTarget Target)>();
            foreach (var placed in laid.Units)
            {
                var top = geometry.Top + placed.Y;
                foreach (var op in placed.Unit.Ops)
                {
                    switch (op)
                    {
                        case TextOp text:
                            var x = geometry.Left + text.X;
                            var baseline = top + text.Baseline;
                            gfx.DrawString(text.Text, fonts.Font(text.Style), Brush(text.Style.Color), x, baseline);
                            if (text.Link is { } target && !placed.Repeated)
                            {
                                pageLinks.Add((new XRect(x, baseline - text.Style.Size * 0.92, text.Width, text.Style.Size * 1.18), target));
                            }
                            break;
                        case RectOp r:
                            gfx.DrawRectangle(Brush(r.Fill), geometry.Left + r.X, top + r.Y, r.Width, r.Height);
                            break;
                        case LineOp l:
                            gfx.DrawLine(new XPen(Color(l.Color), l.Thickness), geometry.Left + l.X1, top + l.Y1, geometry.Left + l.X2, top + l.Y2);
                            break;
                        case AnchorOp a when !placed.Repeated:
                            anchors.TryAdd(a.Name, new Anchor(laid.Number, top));
                            break;
                        case OutlineOp o when !placed.Repeated:
                            outline.Add(new OutlineEntry(o.Title, o.Level, laid.Number, top));
                            break;
                    }
                }
            }
            DrawFurniture(gfx, laid.Number, pages.Count, geometry, furniture);
            links.AddRange(Merge(pageLinks).Select(l => new LinkArea(laid.Number, new PdfRectangle(gfx.Transformer.WorldToDefaultPage(l.Area)), l.Target)));
        }

        AddNamedDestinations(document, anchors, geometry.Height);
        var linkNumber = 0;
        foreach (var link in links)
        {
            var page = document.Pages[link.Page - 1];
            var annotation = link.Target switch
            {
                InternalLink internalLink when anchors.ContainsKey(internalLink.Destination) => page.AddDocumentLink(link.Rect, internalLink.Destination),
                ExternalLink external => page.AddWebLink(link.Rect, external.Url),
                _ => null,
            };
            // PDFsharp names each annotation with a new GUID and stamps it with the current time: both would change every build.
            annotation?.Elements.SetString("/NM", $"link-{++linkNumber}");
            annotation?.Elements.SetDateTime("/M", metadata.Created.UtcDateTime);
        }
        AddOutline(document, outline, geometry.Height);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return Reproducible.Apply(stream.ToArray());
    }

    /// <summary>
    /// The anchors as the document's named destinations, written in one pass: the catalog's /Names /Dests name tree, one
    /// root node with its keys in ordinal order, byte for byte what PDFsharp's AddNamedDestination writes. That method
    /// inserts each name by scanning the sorted array from its start, which made 20,000 headings quadratic.
    /// </summary>
    private static void AddNamedDestinations(PdfDocument document, Dictionary<string, Anchor> anchors, double pageHeight)
    {
        if (anchors.Count == 0)
        {
            return;
        }
        var names = new PdfArray(document);
        foreach (var (name, anchor) in anchors.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var page = document.Pages[Math.Min(anchor.Page, document.PageCount) - 1];
            var parameters = PdfNamedDestinationParameters.CreateVerticalPosition(PdfTop(anchor.Top, pageHeight), null);
            names.Elements.Add(new PdfString(name));
            names.Elements.Add(new PdfArray(document, new PdfLiteral("{0} 0 R {1}", PdfInternals.GetObjectNumber(page), parameters)));
        }
        var dictionary = document.Internals.Catalog.Names; // created before the tree, as PDFsharp does: same object numbers
        var tree = new PdfNameTreeNode();
        document.Internals.AddObject(tree);
        tree.Elements.SetObject("/Names", names);
        dictionary.Elements.SetReference("/Dests", tree.Reference!);
    }

    /// <summary>Joins the areas of the words of one link on one line into one link ("the ministry's notice" is one link, not three).</summary>
    private static List<(XRect Area, LinkTarget Target)> Merge(List<(XRect Area, LinkTarget Target)> links)
    {
        var merged = new List<(XRect Area, LinkTarget Target)>();
        foreach (var link in links)
        {
            if (merged.Count > 0 && merged[^1] is var (area, target) && target == link.Target
                && Math.Abs(area.Y - link.Area.Y) < 0.5 && link.Area.X >= area.X && link.Area.X - area.Right < link.Area.Height)
            {
                merged[^1] = (XRect.Union(area, link.Area), target);
            }
            else
            {
                merged.Add(link);
            }
        }
        return merged;
    }

    private void DrawFurniture(XGraphics gfx, int number, int count, PageGeometry geometry, PageFurniture furniture)
    {
        var font = fonts.Font(furniture.Style);
        var brush = Brush(furniture.Style.Color);
        var pen = new XPen(Color(furniture.RuleColor), 0.5);
        var right = geometry.Width - geometry.Right;
        if (number > 1)
        {
            var headerBaseline = geometry.Top - 26;
            var title = Fit(furniture.RunningTitle, furniture.Style, geometry.ContentWidth);
            gfx.DrawString(title, font, brush, geometry.Left, headerBaseline);
            gfx.DrawLine(pen, geometry.Left, headerBaseline + 6, right, headerBaseline + 6);
        }
        var footerBaseline = geometry.Height - geometry.Bottom + 34;
        gfx.DrawLine(pen, geometry.Left, footerBaseline - 12, right, footerBaseline - 12);
        gfx.DrawString(furniture.FooterLeft, font, brush, geometry.Left, footerBaseline);
        var pageText = $"Page {number} of {count}";
        gfx.DrawString(pageText, font, brush, right - fonts.Width(pageText, furniture.Style), footerBaseline);
    }

    /// <summary>The text, shortened with an ellipsis to fit the width.</summary>
    private string Fit(string text, TextStyle style, double width)
    {
        if (fonts.Width(text, style) <= width)
        {
            return text;
        }
        var length = text.Length;
        while (length > 1 && fonts.Width(text[..length].TrimEnd() + "…", style) > width)
        {
            length--;
        }
        return text[..length].TrimEnd() + "…";
    }

    /// <summary>Builds the outline (bookmarks): each entry nests under the last entry of a lower level.</summary>
    private static void AddOutline(PdfDocument document, List<OutlineEntry> entries, double pageHeight)
    {
        var stack = new List<(int Level, PdfOutline Outline)>();
        foreach (var entry in entries)
        {
            while (stack.Count > 0 && stack[^1].Level >= entry.Level)
            {
                stack.RemoveAt(stack.Count - 1);
            }
            var parent = stack.Count > 0 ? stack[^1].Outline.Outlines : document.Outlines;
            var outline = parent.Add(entry.Title, document.Pages[entry.Page - 1], opened: true);
            outline.PageDestinationType = PdfPageDestinationType.FitH;
            outline.Top = PdfTop(entry.Top, pageHeight);
            stack.Add((entry.Level, outline));
        }
    }

    /// <summary>
    /// The top of a destination in PDF space, where y grows upwards from the bottom of the page: 12 pt above a line
    /// measured from the top. (Written as the distance from the top, the destinations of a page were mirrored: a
    /// reader jumping to a source near the foot of a page landed near its head.)
    /// </summary>
    private static double PdfTop(double fromTop, double pageHeight) => Math.Round(Math.Clamp(pageHeight - fromTop + 12, 0, pageHeight), 2);

    private static XColor Color(Rgb rgb) => XColor.FromArgb(rgb.R, rgb.G, rgb.B);

    private static XSolidBrush Brush(Rgb rgb) => new(Color(rgb));
}
