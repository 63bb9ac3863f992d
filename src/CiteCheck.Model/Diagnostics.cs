using System.Collections.Immutable;

namespace CiteCheck.Model;

/// <summary>How serious a finding is. Ordered: a threshold compares with &gt;=.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}

/// <summary>
/// A rule, declared next to the check that reports it: a stable id (CC + four digits, never reused),
/// a kebab-case name used in configuration and JSON, a title and a default severity.
/// Ranges: CC0xxx input, CC1xxx citations, CC2xxx figures, CC3xxx links, CC4xxx rendering.
/// </summary>
public sealed record DiagnosticDescriptor(string Id, string Rule, string Title, Severity DefaultSeverity, string Stage)
{
    /// <summary>A finding of this rule. A URL's user name and password in the message are masked (<see cref="Credentials"/>).</summary>
    public Diagnostic Create(SourceSpan location, string message, string? source = null, ImmutableArray<SourceSpan> additional = default) =>
        new(this, DefaultSeverity, Credentials.Hide(message), location, additional.IsDefault ? [] : additional, source);
}

/// <summary>One occurrence of a rule: where, what, and which source it concerns (a number or footnote key).</summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    Severity Severity,
    string Message,
    SourceSpan Location,
    ImmutableArray<SourceSpan> AdditionalLocations,
    string? Source)
{
    public string Id => Descriptor.Id;

    public string Rule => Descriptor.Rule;

    /// <summary>A note that travels with the finding (e.g. a reviewer's explanation).</summary>
    public string? Note { get; init; }

    public Diagnostic WithSeverity(Severity severity) => this with { Severity = severity };
}

public static class SeverityNames
{
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static bool TryParse(string text, out Severity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "info": case "note": severity = Severity.Info; return true;
            default: severity = Severity.Info; return false;
        }
    }
}
