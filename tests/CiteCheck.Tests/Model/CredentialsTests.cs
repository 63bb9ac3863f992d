using CiteCheck.Model;

namespace CiteCheck.Tests.Model;

public class CredentialsTests
{
    [Theory]
    [InlineData("https://user:pass@example.com/a?b=c", "https://***@example.com/a?b=c")]
    [InlineData("links to 'http://token@git.example.org/x' and 'ftp://a:b@c/'", "links to 'http://***@git.example.org/x' and 'ftp://***@c/'")]
    [InlineData("[R](https://me:s3cr%40t@host) [1]", "[R](https://***@host) [1]")]
    [InlineData("https://example.com/user@domain", "https://example.com/user@domain")]
    [InlineData("https://example.com/?mail=a@b.c", "https://example.com/?mail=a@b.c")]
    [InlineData("mail me@example.com at https://example.com", "mail me@example.com at https://example.com")]
    [InlineData("no url here", "no url here")]
    public void The_user_information_of_a_url_is_masked_and_nothing_else(string text, string shown) =>
        Assert.Equal(shown, Credentials.Hide(text));

    [Fact]
    public void A_diagnostic_message_is_masked_when_it_is_made()
    {
        var rule = new DiagnosticDescriptor("CC9999", "test", "Test", Severity.Error, "test");
        var span = new SourceSpan("r.md", new TextPosition(1, 1, 0), new TextPosition(1, 2, 1));
        Assert.Equal("links to 'https://***@host/'", rule.Create(span, "links to 'https://u:p@host/'").Message);
    }
}
