using CiteCheck.Tests.BadInput;

namespace CiteCheck.Tests.Rendering;

/// <summary>
/// Templates from a user folder (--templates DIR) read nothing outside that folder (and the built-in templates): no
/// path in a template name, and no link inside the folder that leads out of it. A link that stays inside is followed.
/// Each refusal is exit 2 naming the template and line, and nothing is written.
/// </summary>
public sealed class TemplateSandboxTests : IDisposable
{
    private const string Secret = "SECRET-7f3a: a file outside the templates folder";

    private readonly BadInputKit _kit = new();

    public TemplateSandboxTests()
    {
        _kit.Write("report.md", "# Report\n\nOn 7 March 2019 an attack in Khorog killed 35 people. (Sources: [Reuters](https://r.example/a) [1])\n");
        _kit.Write("secret.txt", Secret);
    }

    public void Dispose() => _kit.Dispose();

    /// <summary>A report.sbn that renders the whole edition (so it passes the edition's own checks) and includes <paramref name="include"/> first.</summary>
    private void Template(string include) =>
        _kit.Write(Path.Combine("brand", "report.sbn"),
            $"<!DOCTYPE html><html><head><title>{{{{ report.title }}}}</title></head><body>\n{{{{ include '{include}' }}}}{{{{ body }}}}{{{{ include '_bibliography.sbn' }}}}</body></html>\n");

    private Cli.CliResult Build() => _kit.Run("build", "report.md", "--format", "html", "--out", BadInputKit.Out, "--templates", "brand");

    private void AssertRefused(Cli.CliResult result, string what)
    {
        BadInputKit.AssertRefused(result.ExitCode, result.Error, Path.Combine("brand", "report.sbn"), 2, what);
        _kit.AssertNothingWritten();
        Assert.DoesNotContain("SECRET-7f3a", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secret.txt", "is not a template name")]
    [InlineData("../../../../etc/passwd", "is not a template name")]
    [InlineData("/etc/passwd", "is not a template name")]
    [InlineData("..\\\\secret.txt", "'..\\secret.txt' is not a template name")] // a backslash, escaped for Scriban's string
    [InlineData("sub/../../secret.txt", "is not a template name")]
    [InlineData("~/secret.txt", "is not a template name")]
    [InlineData("", "Include template name cannot be null or empty")]
    public void A_path_in_a_template_name_is_refused(string name, string message)
    {
        Template(name);
        AssertRefused(Build(), message);
    }

    [Fact]
    public void A_link_to_a_file_outside_the_folder_is_refused()
    {
        Template("_masthead.sbn");
        File.CreateSymbolicLink(Path.Combine(_kit.Folder, "brand", "_masthead.sbn"), Path.Combine(_kit.Folder, "secret.txt"));
        AssertRefused(Build(), "template '_masthead.sbn' in brand is a link to ");
    }

    [Fact]
    public void A_relative_link_out_of_the_folder_is_refused()
    {
        Template("_masthead.sbn");
        File.CreateSymbolicLink(Path.Combine(_kit.Folder, "brand", "_masthead.sbn"), Path.Combine("..", "secret.txt"));
        AssertRefused(Build(), "outside the folder: templates are read only from inside their folder");
    }

    [Fact]
    public void A_link_through_a_linked_subfolder_is_refused()
    {
        // The folder itself may be a link (the user chose it); a file in it that leads elsewhere may not.
        Directory.CreateDirectory(Path.Combine(_kit.Folder, "real-brand"));
        Directory.CreateSymbolicLink(Path.Combine(_kit.Folder, "brand"), Path.Combine(_kit.Folder, "real-brand"));
        Template("_masthead.sbn");
        File.CreateSymbolicLink(Path.Combine(_kit.Folder, "real-brand", "_masthead.sbn"), Path.Combine(_kit.Folder, "secret.txt"));
        AssertRefused(Build(), "outside the folder");
    }

    [Fact]
    public void A_link_that_stays_inside_the_folder_is_followed()
    {
        Template("_masthead.sbn");
        _kit.Write(Path.Combine("brand", "parts", "masthead.sbn"), "<p class=\"masthead\">Acme Institute</p>");
        File.CreateSymbolicLink(Path.Combine(_kit.Folder, "brand", "_masthead.sbn"), Path.Combine("parts", "masthead.sbn"));
        var result = Build();
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}:\n{result.Error}");
        Assert.Contains("<p class=\"masthead\">Acme Institute</p>", File.ReadAllText(Path.Combine(_kit.OutPath, "report.html")), StringComparison.Ordinal);
    }
}
