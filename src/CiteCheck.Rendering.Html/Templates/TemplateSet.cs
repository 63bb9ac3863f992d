using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CiteCheck.Model;
using SourceSpan = Scriban.Parsing.SourceSpan;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CiteCheck.Rendering.Html.Templates;

/// <summary>
/// The templates of the HTML edition: report.sbn, discrepancies.sbn, their partials (included by file name) and the CSS.
/// A name is looked up in the --templates folder first, then in the built-in templates/ beside the program, so an
/// organisation may override one file or all of them. All reads go through the host. Scriban runs with loop and
/// recursion limits; a parse or render error is a <see cref="RenderException"/> naming the template file and line.
/// </summary>
internal sealed partial class TemplateSet : ITemplateLoader
{
    /// <summary>Cumulative iterations allowed per loop tree: ample for a long report, finite for a runaway template.</summary>
    public const int LoopLimit = 200_000;

    /// <summary>Nested includes and function calls allowed.</summary>
    public const int RecursiveLimit = 64;

    private readonly IHost _host;
    private readonly string[] _folders;

    public TemplateSet(IHost host, string? customFolder)
    {
        _host = host;
        var builtIn = Path.Combine(AppContext.BaseDirectory, "templates");
        if (customFolder is not null && !host.DirectoryExists(customFolder))
        {
            throw new RenderException($"the templates folder '{customFolder}' does not exist", customFolder);
        }
        _folders = customFolder is null ? [builtIn] : [customFolder, builtIn];
    }

    /// <summary>The path a template name resolves to (the first folder that has it).</summary>
    public string Resolve(string name)
    {
        if (!SafeName().IsMatch(name))
        {
            throw new RenderException($"'{name}' is not a template name (a file name such as _bibliography.sbn is expected)");
        }
        foreach (var folder in _folders)
        {
            var path = Path.Combine(folder, name);
            if (_host.FileExists(path))
            {
                return path;
            }
        }
        throw new RenderException($"template '{name}' not found in {string.Join(" or ", _folders)}");
    }

    public string ReadText(string name) => Read(Resolve(name));

    /// <summary>Renders a top-level template with the given model as its global variables.</summary>
    public string Render(string name, ScriptObject model)
    {
        var path = Resolve(name);
        var template = Template.Parse(Read(path), path);
        if (template.HasErrors)
        {
            throw FromMessages(template.Messages, path);
        }
        var context = new TemplateContext
        {
            TemplateLoader = this,
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            StrictVariables = true,
            NewLine = "\n",
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptParserRuntimeException e)
        {
            throw FromMessages(e.ParserMessages, path);
        }
        catch (ScriptRuntimeException e)
        {
            throw new RenderException($"template error: {e.OriginalMessage}", e.Span.FileName ?? path, e.Span.Start.Line + 1);
        }
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        try
        {
            return Resolve(templateName);
        }
        catch (RenderException e)
        {
            throw new ScriptRuntimeException(callerSpan, e.Message);
        }
    }

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => Read(templatePath);

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Read(templatePath));

    private string Read(string path)
    {
        var bytes = _host.ReadAllBytes(path);
        return new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static RenderException FromMessages(LogMessageBag messages, string fallbackFile)
    {
        var first = messages.FirstOrDefault(m => m.Type == ParserMessageType.Error) ?? messages.First();
        var file = string.IsNullOrEmpty(first.Span.FileName) ? fallbackFile : first.Span.FileName;
        return new RenderException($"template error: {first.Message}", file, first.Span.Start.Line + 1);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    private static partial Regex SafeName();
}
