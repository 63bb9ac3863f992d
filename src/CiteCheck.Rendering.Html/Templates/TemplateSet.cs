using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CiteCheck.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SourceSpan = Scriban.Parsing.SourceSpan;

namespace CiteCheck.Rendering.Html.Templates;

/// <summary>
/// The templates of the HTML edition: report.sbn, discrepancies.sbn, their partials (included by file name) and the CSS.
/// A name is looked up in the --templates folder first, then in the built-in templates/ beside the program, so an
/// organisation may override one file or all of them. All reads go through the host. Every Scriban limit is set here
/// on purpose (docs/limits.md): output size high enough for the largest report the reader accepts, loops and recursion
/// bounded so a runaway template stops; a limit reached is an error, never a silently cut page. A parse or render error
/// is a <see cref="RenderException"/> naming the template file and line.
/// </summary>
internal sealed partial class TemplateSet : ITemplateLoader
{
    /// <summary>
    /// Cumulative iterations allowed per loop tree, at the least: ample for an ordinary report, finite for a runaway
    /// template. A larger report raises it in proportion to the items the template may loop over (see <see cref="Render"/>).
    /// </summary>
    public const int LoopLimit = 200_000;

    /// <summary>Iterations allowed per item of the model (blocks, citations, sources, discrepancies, findings).</summary>
    public const int LoopsPerItem = 16;

    /// <summary>Nested includes and function calls allowed.</summary>
    public const int RecursiveLimit = 64;

    /// <summary>Characters one rendered page may hold: far above any edition of a report within the input limit.</summary>
    public const int OutputLimit = 512 * 1024 * 1024;

    /// <summary>
    /// Templates parsed once per process, by path, with the text they were parsed from: a folder of reports (or a watch
    /// that rebuilds) parses each template once, and parses it again only when its text has changed.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Text, Template Template)> Parsed = new(StringComparer.Ordinal);

    private readonly IHost _host;
    private readonly string[] _folders;
    private readonly string? _customFolder;
    private readonly Dictionary<string, string> _loaded = new(StringComparer.Ordinal);

    public TemplateSet(IHost host, string? customFolder)
    {
        _host = host;
        var builtIn = Path.Combine(AppContext.BaseDirectory, "templates");
        if (customFolder is not null && !host.DirectoryExists(customFolder))
        {
            throw new RenderException($"the templates folder '{customFolder}' does not exist", customFolder);
        }
        _customFolder = customFolder;
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
            if (_host.FileExists(path) && folder == _customFolder)
            {
                var real = _host.RealPath(path);
                var inside = _host.RealPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                if (!real.StartsWith(inside, StringComparison.Ordinal))
                {
                    // A link in a shared template folder must not publish a file from elsewhere (a key, /etc/passwd).
                    throw new RenderException($"template '{name}' in {folder} is a link to {real}, outside the folder: templates are read only from inside their folder");
                }
                return path;
            }
            if (_host.FileExists(path))
            {
                return path;
            }
        }
        throw new RenderException($"template '{name}' not found in {string.Join(" or ", _folders)}");
    }

    public string ReadText(string name) => Read(Resolve(name));

    /// <summary>
    /// Renders a top-level template with the given model as its global variables. <paramref name="items"/> is how many
    /// things the model lists (the loop limit grows with it, so a long report is never refused for its length).
    /// </summary>
    public string Render(string name, ScriptObject model, int items = 0)
    {
        var path = Resolve(name);
        var text = Read(path);
        var template = Parsed.TryGetValue(path, out var parsed) && parsed.Text == text ? parsed.Template : Template.Parse(text, path);
        if (template.HasErrors)
        {
            throw FromMessages(template.Messages, path);
        }
        Parsed[path] = (text, template);
        var context = new TemplateContext
        {
            TemplateLoader = this,
            LoopLimit = (int)Math.Min(int.MaxValue, Math.Max(LoopLimit, (long)items * LoopsPerItem)),
            RecursiveLimit = RecursiveLimit,
            // Values are the edition's own text (a block's HTML can be long): no per-value cut, and a cut is an error.
            LimitToString = 0,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            StrictVariables = true,
            NewLine = "\n",
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(model);
        // The partials parsed before, when their text is unchanged; those parsed now are kept for the next render.
        foreach (var (partialPath, (partialText, partial)) in Parsed)
        {
            if (partialPath != path && _host.FileExists(partialPath) && Read(partialPath) == partialText)
            {
                context.CachedTemplates[partialPath] = partial;
            }
        }
        try
        {
            var html = template.Render(context);
            foreach (var (partialPath, partial) in context.CachedTemplates)
            {
                if (_loaded.TryGetValue(partialPath, out var partialText) && !partial.HasErrors)
                {
                    Parsed[partialPath] = (partialText, partial);
                }
            }
            return html;
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

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => _loaded[templatePath] = Read(templatePath);

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(_loaded[templatePath] = Read(templatePath));

    private string Read(string path)
    {
        var bytes = _host.ReadAllBytes(path);
        return new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static RenderException FromMessages(LogMessageBag messages, string fallbackFile)
    {
        var first = messages.FirstOrDefault(m => m.Type == ParserMessageType.Error) ?? messages[0];
        var file = string.IsNullOrEmpty(first.Span.FileName) ? fallbackFile : first.Span.FileName;
        return new RenderException($"template error: {first.Message}", file, first.Span.Start.Line + 1);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    private static partial Regex SafeName();
}
