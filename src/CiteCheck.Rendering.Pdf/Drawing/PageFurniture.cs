using CiteCheck.Rendering.Pdf.Layout;

namespace CiteCheck.Rendering.Pdf.Drawing;

/// <summary>What is drawn around the text of every page: the running header (the report's title, from page 2 on) and the footer (page N of M).</summary>
public sealed record PageFurniture(string RunningTitle, string FooterLeft, TextStyle Style, Rgb RuleColor);
