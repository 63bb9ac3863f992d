using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CiteCheck.Model;

namespace CiteCheck.Compiler.Output;

/// <summary>The stable JSON output documented in docs/json-output.md (schema version 1).</summary>
public sealed class JsonOutput : IOutputFormat
{
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "json";

    public string Write(CheckedReport report) => Encoding.UTF8.GetString(WriteUtf8(report).Span);

    /// <summary>
    /// The JSON as UTF-8 bytes, with no string of it made on the way: a 16 MiB report's findings are about 60 MB of
    /// JSON, which as a string would be twice that again (docs/limits.md, "Memory").
    /// </summary>
    public static ReadOnlyMemory<byte> WriteUtf8(CheckedReport report)
    {
        using var stream = new MemoryStream();
        WriteUtf8(report, stream);
        return stream.GetBuffer().AsMemory(0, (int)stream.Length);
    }

    /// <summary>
    /// The JSON written into <paramref name="output"/> (empty, seekable and readable: a file being written atomically, or
    /// memory) as it is made, a few tens of kilobytes at a time, so a large report's JSON is never held whole (docs/limits.md,
    /// "Memory"). The bytes are those of <see cref="WriteUtf8(CheckedReport)"/>.
    /// </summary>
    public static void WriteUtf8(CheckedReport report, Stream output)
    {
        var stream = new CredentialScan(output);
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            var document = report.Document;
            w.WriteStartObject();
            w.WriteNumber("version", SchemaVersion);
            w.WriteString("file", document.File);
            w.WriteString("title", document.Title);
            w.WriteStartObject("summary");
            w.WriteNumber("errors", report.Count(Severity.Error));
            w.WriteNumber("warnings", report.Count(Severity.Warning));
            w.WriteNumber("infos", report.Count(Severity.Info));
            w.WriteNumber("claims", document.Claims.Count());
            w.WriteNumber("citations", document.Citations.Count());
            w.WriteNumber("sources", document.Bibliography.Entries.Length + document.Bibliography.Footnotes.Length);
            w.WriteNumber("discrepancies", report.Discrepancies.Length);
            w.WriteNumber("openDiscrepancies", report.Discrepancies.Count(d => d.Status == DiscrepancyStatus.Open));
            w.WriteEndObject();

            w.WriteStartArray("diagnostics");
            for (var i = 0; i < report.Diagnostics.Length; i++)
            {
                var d = report.Diagnostics[i];
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("rule", d.Rule);
                w.WriteString("severity", d.Severity.Name());
                w.WriteString("message", d.Message);
                WriteLocation(w, d.Location);
                if (d.Source is { } source)
                {
                    w.WritePropertyName("source");
                    WriteKey(w, source);
                }
                if (d.Note is { } note)
                {
                    w.WriteString("note", note);
                }
                if (report.InBaseline(i))
                {
                    w.WriteBoolean("baseline", true);
                }
                if (d.AdditionalLocations.Length > 0)
                {
                    w.WriteStartArray("relatedLocations");
                    foreach (var related in d.AdditionalLocations)
                    {
                        w.WriteStartObject();
                        WriteLocation(w, related);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                FlushPart(w);
            }
            w.WriteEndArray();

            w.WriteStartArray("sources");
            var cited = document.Citations.GroupBy(c => c.SourceKey).ToDictionary(g => g.Key, g => g.Count());
            foreach (var s in document.Bibliography.Entries.Concat(document.Bibliography.Footnotes))
            {
                w.WriteStartObject();
                w.WritePropertyName("key");
                WriteKey(w, s.Key);
                WriteOptional(w, "publisher", s.Publisher);
                WriteOptional(w, "title", s.Title);
                WriteOptional(w, "url", s.Url);
                WriteOptional(w, "date", s.Date);
                WriteOptional(w, "archive", s.Archive);
                w.WriteNumber("cited", cited.GetValueOrDefault(s.Key));
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("claims");
            foreach (var block in document.Blocks)
            {
                var section = document.SectionOf(block)?.Title;
                foreach (var claim in block.Claims)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", claim.Id);
                    w.WriteNumber("line", claim.Span.Line);
                    w.WriteNumber("column", claim.Span.Column);
                    w.WriteNumber("endLine", claim.Span.End.Line);
                    w.WriteNumber("endColumn", claim.Span.End.Column);
                    WriteOptional(w, "section", section);
                    w.WriteString("text", claim.Text);
                    WriteKeys(w, "sources", claim.Sources);
                    w.WriteEndObject();
                    FlushPart(w);
                }
            }
            w.WriteEndArray();

            WriteDiscrepancies(w, report.Discrepancies, report.InBaseline);
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        // Source URLs, claims and notes can carry a URL's user name and password: none is printed. A user name needs
        // "://" and "@"; output with neither is kept as written, without reading it back.
        if (!stream.MayHoldCredentials)
        {
            return;
        }
        var bytes = new byte[output.Length];
        output.Position = 0;
        output.ReadExactly(bytes);
        var text = Encoding.UTF8.GetString(bytes);
        var hidden = Credentials.Hide(text);
        if (!ReferenceEquals(hidden, text))
        {
            output.SetLength(0);
            output.Write(Encoding.UTF8.GetBytes(hidden));
        }
    }

    /// <summary>Passes bytes on to a stream, noting whether they hold both an "@" and a "://" (across writes too).</summary>
    private sealed class CredentialScan(Stream inner) : Stream
    {
        private bool _at;
        private bool _scheme;
        private byte _last;
        private byte _beforeLast;

        public bool MayHoldCredentials => _at && _scheme;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return;
            }
            _at = _at || buffer.Contains((byte)'@');
            _scheme = _scheme || buffer.IndexOf("://"u8) >= 0
                || (_last == ':' && buffer.StartsWith("//"u8))
                || (_beforeLast == ':' && _last == '/' && buffer[0] == '/');
            (_beforeLast, _last) = buffer.Length >= 2 ? (buffer[^2], buffer[^1]) : (_last, buffer[0]);
            inner.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>The discrepancies array, as in <c>check --format json</c> and <c>discrepancies --format json</c>.</summary>
    public static void WriteDiscrepancies(Utf8JsonWriter w, IEnumerable<Discrepancy> discrepancies, Func<Discrepancy, bool>? inBaseline = null)
    {
        w.WriteStartArray("discrepancies");
        foreach (var d in discrepancies)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("kind", Discrepancy.KindName(d.Kind));
            w.WriteString("subject", d.Subject);
            w.WriteString("measure", d.Measure);
            w.WriteString("event", d.EventKey);
            w.WriteString("status", Discrepancy.StatusName(d.Status));
            WriteOptional(w, "note", d.Note);
            if (inBaseline?.Invoke(d) == true)
            {
                w.WriteBoolean("baseline", true);
            }
            if (d.Evidence is { } evidence)
            {
                w.WriteStartObject("evidence");
                w.WriteString("rule", evidence.Rule);
                w.WriteString("dates", evidence.Dates);
                WriteStrings(w, "sharedNames", evidence.SharedNames);
                WriteStrings(w, "sharedWords", evidence.SharedWords);
                WriteStrings(w, "sharedKinds", evidence.SharedKinds);
                w.WriteEndObject();
            }
            w.WriteStartArray("claims");
            foreach (var c in d.Claims)
            {
                w.WriteStartObject();
                w.WriteNumber("line", c.Span.Line);
                w.WriteNumber("column", c.Span.Column);
                WriteOptional(w, "section", c.Section);
                w.WriteString("text", c.Text);
                w.WriteString("value", c.Value);
                w.WriteNumber("side", c.Side);
                WriteKeys(w, "sources", c.Sources);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            FlushPart(w);
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// Hands what the writer holds to its stream once it passes 32 KiB: a writer over a stream otherwise keeps the whole
    /// JSON in a buffer of its own until it is disposed (the bytes written are the same either way).
    /// </summary>
    private static void FlushPart(Utf8JsonWriter w)
    {
        if (w.BytesPending > 1 << 15)
        {
            w.Flush();
        }
    }

    private static void WriteLocation(Utf8JsonWriter w, SourceSpan span)
    {
        w.WriteString("file", span.File.Replace('\\', '/'));
        w.WriteNumber("line", span.Line);
        w.WriteNumber("column", span.Column);
        w.WriteNumber("endLine", span.End.Line);
        w.WriteNumber("endColumn", span.End.Column);
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }

    private static void WriteKeys(Utf8JsonWriter w, string name, IEnumerable<string> keys)
    {
        w.WriteStartArray(name);
        foreach (var key in keys)
        {
            WriteKey(w, key);
        }
        w.WriteEndArray();
    }

    /// <summary>A source key: a number for numbered sources, a string for footnote keys.</summary>
    private static void WriteKey(Utf8JsonWriter w, string key)
    {
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            w.WriteNumberValue(n);
        }
        else
        {
            w.WriteStringValue(key);
        }
    }
}
