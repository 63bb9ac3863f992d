using System.Collections.Immutable;
using CiteCheck.Model;

namespace CiteCheck.Parsing;

/// <summary>What the parser returns: the document and the problems it found while reading it (malformed citations).</summary>
public sealed record ParseResult(Document Document, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>Rules the parsing stage reports (CC1xxx: they concern citations).</summary>
public static class ParsingRules
{
    public static readonly DiagnosticDescriptor MalformedCitation = new(
        "CC1008", "malformed-citation", "Text that is plainly a citation does not parse", Severity.Error, "citations");
}
