using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Parsing;

/// <summary>What the parser returns: the document and the problems it found while reading it (malformed citations).</summary>
public sealed record ParseResult(Document Document, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>This result with the findings of reading its bibliography file added (a field of the wrong type).</summary>
    public ParseResult With(BibliographyRead? bibliography) =>
        bibliography is null || bibliography.Diagnostics.IsEmpty ? this : this with { Diagnostics = [.. Diagnostics, .. bibliography.Diagnostics] };
}

/// <summary>Rules the parsing stage reports: CC0xxx concern the input itself (the Markdown, the bibliography file), CC1xxx citations.</summary>
public static class ParsingRules
{
    public static readonly DiagnosticDescriptor UnspacedEmphasis = new(
        "CC0001", "unspaced-emphasis", "Bold text is printed with its asterisks: no space after the closing **", Severity.Warning, "input");

    public static readonly DiagnosticDescriptor InvisibleCharacter = new(
        "CC0002", "invisible-character", "A zero-width or direction character stands inside a number or a word", Severity.Warning, "input");

    public static readonly DiagnosticDescriptor BibliographyFieldType = new(
        "CC0003", "bibliography-field-type", "A field of the bibliography file has the wrong type and is ignored", Severity.Error, "input");

    public static readonly DiagnosticDescriptor MalformedCitation = new(
        "CC1008", "malformed-citation", "Text that is plainly a citation does not parse", Severity.Error, "citations");

    /// <summary>Every rule the parser reports.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = [UnspacedEmphasis, InvisibleCharacter, BibliographyFieldType, MalformedCitation];
}
