using CiteCheck.Model;

namespace CiteCheck.Rendering.Html.Body;

/// <summary>Markup CiteCheck adds to the text (a discrepancy marker): HTML it built itself, written as is.</summary>
internal sealed record MarkupInline(string Html) : Inline((SourceSpan?)null);
