using System.Text;
using CiteCheck.Model;
using CiteCheck.Rendering;

namespace CiteCheck.Compiler;

/// <summary>
/// Writes an edition as a set (docs/editions.md). Every file goes into a staging folder beside the output folder, on the
/// same file system; then the previous edition is renamed aside, the staging folder renamed into its place, and the
/// previous edition deleted. A reader of the output folder sees the previous set, for an instant no folder, or the new
/// set: never a mix. What a killed run leaves (a staging folder, a set renamed aside) is cleaned by the next build into
/// the same folder, which first puts a set renamed aside back if the output folder is missing.
/// </summary>
public static class EditionWriter
{
    /// <summary>The file that marks a folder as a CiteCheck edition; it lists the edition's files, one a line.</summary>
    public const string Marker = ".citecheck-edition";

    private const string MarkerHeading = "CiteCheck edition";

    /// <summary>The files CiteCheck wrote before it wrote the marker: a folder of only these is an earlier edition.</summary>
    private static readonly string[] EarlierEditionFiles = ["report.html", "discrepancies.html", "report.pdf", "check.json"];

    /// <summary>Files the operating system drops into any folder it shows; they go with the previous edition.</summary>
    private static readonly string[] SystemClutter = [".DS_Store", "Thumbs.db", "desktop.ini"];

    private const string Staging = ".citecheck-new-";
    private const string Aside = ".citecheck-old-";

    /// <summary>
    /// Checks that <paramref name="outDirectory"/> can take an edition (it is not a file; it is missing, empty, or holds
    /// a previous edition and nothing else) and cleans what a killed build left beside it. Throws
    /// <see cref="OutputException"/> naming the folder and what to do.
    /// </summary>
    /// <remarks>
    /// Called before rendering to fail fast, it only checks; <see cref="Write"/> calls it again under the folder's lock,
    /// where it also cleans leftovers (cleaning outside the lock could remove a concurrent build's staging folder).
    /// </remarks>
    public static void Prepare(IHost host, string outDirectory) => Prepare(host, outDirectory, clean: false);

    private static void Prepare(IHost host, string outDirectory, bool clean)
    {
        var (full, parent, name) = Split(host, outDirectory);
        if (host.FileExists(full))
        {
            throw new OutputException(outDirectory, "is a file, not a folder: give --out a folder for the edition's files");
        }
        if (clean && parent is not null)
        {
            CleanLeftovers(host, full, parent, name);
        }
        if (!host.DirectoryExists(full))
        {
            return;
        }
        List<string> files, folders;
        try
        {
            files = [.. host.EnumerateFiles(full, "*").Select(Path.GetFileName).OfType<string>()];
            folders = [.. host.EnumerateDirectories(full, "*").Select(Path.GetFileName).OfType<string>()];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(outDirectory, $"cannot be read ({(e is UnauthorizedAccessException ? "permission denied" : e.Message)}): choose a folder you can write to");
        }
        if (files.Count == 0 && folders.Count == 0)
        {
            return;
        }
        var marked = files.Contains(Marker, StringComparer.Ordinal);
        // An edition written before the marker existed: check.json, and nothing but the files CiteCheck wrote then.
        var ours = marked ? ListedFiles(host, Path.Combine(full, Marker)) : [.. EarlierEditionFiles];
        var foreign = folders
            .Concat(files.Where(f => f != Marker && !ours.Contains(f) && !SystemClutter.Contains(f, StringComparer.Ordinal) && !IsTemporary(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!marked && (foreign.Count > 0 || !files.Contains("check.json", StringComparer.Ordinal)))
        {
            throw new OutputException(outDirectory, "is not empty and holds no CiteCheck edition; choose an empty folder or one CiteCheck wrote");
        }
        if (foreign.Count > 0)
        {
            var shown = string.Join(", ", foreign.Take(3)) + (foreign.Count > 3 ? $" and {foreign.Count - 3} more" : "");
            throw new OutputException(outDirectory, $"holds a CiteCheck edition and files CiteCheck did not write ({shown}), which the next edition would replace; move them out or choose another folder");
        }
    }

    /// <summary>Writes <paramref name="files"/> as the edition in <paramref name="outDirectory"/>, replacing the previous set whole.</summary>
    public static void Write(IHost host, string outDirectory, IReadOnlyList<EditionFile> files)
    {
        var (full, parent, name) = Split(host, outDirectory);
        if (parent is null)
        {
            Prepare(host, outDirectory);
            throw new OutputException(outDirectory, "is the root of a file system, which cannot be replaced as a whole: choose a folder inside it");
        }
        host.CreateDirectory(parent);
        // Builds into one folder take turns: the check, the cleaning of leftovers and the swap happen under one lock, so
        // a build never removes another's staging folder or renames a folder another build is swapping.
        IDisposable turn;
        try
        {
            turn = host.Lock(Path.Combine(parent, $".{name}.citecheck-lock"));
        }
        catch (OutputException e) when (e.Reason is not null)
        {
            // The lock file is the first thing written beside the folder: a read-only place fails here, named as the user named it.
            throw new OutputException(outDirectory, $"cannot be written ({e.Reason}): choose a folder you can write to with --out", e.Reason);
        }
        using var held = turn;
        Prepare(host, outDirectory, clean: true);
        var id = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        var staging = Path.Combine(parent, $".{name}{Staging}{id}");
        var aside = Path.Combine(parent, $".{name}{Aside}{id}");
        try
        {
            host.CreateDirectory(staging);
            foreach (var file in files)
            {
                host.WriteAtomically(Path.Combine(staging, file.Name), file.Content);
            }
            // The marker last: a staging folder without it was never complete.
            host.WriteAtomically(Path.Combine(staging, Marker), Manifest(files));
        }
        catch (OutputException e)
        {
            TryDelete(host, staging);
            throw new OutputException(outDirectory, $"the edition could not be written ({e.Reason ?? e.Message}); the previous edition is untouched: make room, or choose another folder with --out", e.Reason);
        }
        catch
        {
            TryDelete(host, staging);
            throw;
        }
        var replacing = host.DirectoryExists(full);
        if (replacing)
        {
            try
            {
                host.MoveDirectory(full, aside);
            }
            catch (OutputException e)
            {
                TryDelete(host, staging);
                throw new OutputException(outDirectory, $"cannot be replaced ({e.Reason ?? e.Message}); the previous edition is untouched: choose a folder you can write to with --out", e.Reason);
            }
        }
        try
        {
            host.MoveDirectory(staging, full);
        }
        catch (OutputException e)
        {
            if (replacing)
            {
                host.MoveDirectory(aside, full);
            }
            TryDelete(host, staging);
            throw new OutputException(outDirectory, $"cannot be replaced ({e.Reason ?? e.Message}); the previous edition is untouched: choose a folder you can write to with --out", e.Reason);
        }
        if (replacing)
        {
            // Best effort: a previous edition that cannot be deleted now is deleted by the next build.
            TryDelete(host, aside);
        }
    }

    /// <summary>
    /// For a watch session's rebuilds (docs/watch.md): when <paramref name="outDirectory"/> still holds the edition this
    /// process wrote last (<paramref name="previous"/>: its marker lists the same files, each of the length written, and
    /// nothing else is there), replaces only the files whose bytes changed, each one atomically (a reader never sees half a
    /// file, but may see, for the instant between two renames, a new page beside the previous check.json). Otherwise — the
    /// first build, another set of files, a folder changed by someone else — writes the whole set as <see cref="Write"/>
    /// does. Returns the names of the files written.
    /// </summary>
    public static IReadOnlyList<string> WriteChanged(IHost host, string outDirectory, IReadOnlyList<EditionFile> files, IReadOnlyList<EditionFile>? previous)
    {
        if (previous is null || !files.Select(f => f.Name).SequenceEqual(previous.Select(f => f.Name), StringComparer.Ordinal))
        {
            Write(host, outDirectory, files);
            return [.. files.Select(f => f.Name)];
        }
        var (full, parent, name) = Split(host, outDirectory);
        if (parent is null)
        {
            Write(host, outDirectory, files);
            return [.. files.Select(f => f.Name)];
        }
        var changed = files.Where((f, i) => !f.Content.AsSpan().SequenceEqual(previous[i].Content)).ToList();
        using (host.Lock(Path.Combine(parent, $".{name}.citecheck-lock")))
        {
            if (StillHolds(host, full, files, previous))
            {
                foreach (var file in changed)
                {
                    host.WriteAtomically(Path.Combine(full, file.Name), file.Content);
                }
                return [.. changed.Select(f => f.Name)];
            }
        }
        Write(host, outDirectory, files);
        return [.. files.Select(f => f.Name)];
    }

    /// <summary>Whether the folder holds the edition <paramref name="previous"/>, as written: the marker of these files and the files at their lengths, nothing else.</summary>
    private static bool StillHolds(IHost host, string full, IReadOnlyList<EditionFile> files, IReadOnlyList<EditionFile> previous)
    {
        try
        {
            var marker = Path.Combine(full, Marker);
            if (!host.FileExists(marker) || !host.ReadAllBytes(marker).AsSpan().SequenceEqual(Manifest(files)))
            {
                return false;
            }
            for (var i = 0; i < previous.Count; i++)
            {
                var path = Path.Combine(full, previous[i].Name);
                if (!host.FileExists(path) || host.FileLength(path) != previous[i].Content.LongLength)
                {
                    return false;
                }
            }
            return host.EnumerateFiles(full, "*").Count() == files.Count + 1 && !host.EnumerateDirectories(full, "*").Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The marker's text: its heading, then the edition's files in the order written.</summary>
    private static byte[] Manifest(IReadOnlyList<EditionFile> files)
    {
        var text = new StringBuilder(MarkerHeading).Append('\n');
        foreach (var file in files)
        {
            text.Append(file.Name).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static HashSet<string> ListedFiles(IHost host, string marker)
    {
        var lines = Encoding.UTF8.GetString(host.ReadAllBytes(marker)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. lines.Skip(1).Select(l => l.Split('/', '\\')[0])];
    }

    /// <summary>
    /// Removes the staging folders and set-aside editions a killed build left beside the output folder. When the output
    /// folder is missing and an edition was set aside (killed between the two renames), that edition is put back first.
    /// </summary>
    private static void CleanLeftovers(IHost host, string full, string parent, string name)
    {
        var leftovers = host.EnumerateDirectories(parent, $".{name}.citecheck-*")
            .Where(d => Path.GetFileName(d) is { } f && (f.StartsWith($".{name}{Staging}", StringComparison.Ordinal) || f.StartsWith($".{name}{Aside}", StringComparison.Ordinal)))
            .Where(d => !OfALiveBuild(host, Path.GetFileName(d)!))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!host.DirectoryExists(full) && leftovers.FirstOrDefault(d => Path.GetFileName(d)!.StartsWith($".{name}{Aside}", StringComparison.Ordinal)) is { } setAside)
        {
            host.MoveDirectory(setAside, full);
            leftovers.Remove(setAside);
        }
        foreach (var leftover in leftovers)
        {
            host.DeleteDirectory(leftover);
        }
    }

    /// <summary>A staging or set-aside folder named by a build that is still running ("….citecheck-new-&lt;pid&gt;-&lt;guid&gt;").</summary>
    private static bool OfALiveBuild(IHost host, string folderName)
    {
        var tail = folderName[(folderName.LastIndexOf(".citecheck-", StringComparison.Ordinal) + ".citecheck-".Length)..];
        var parts = tail.Split('-');
        return parts.Length >= 3 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
            && pid != Environment.ProcessId && host.ProcessAlive(pid);
    }

    private static void TryDelete(IHost host, string directory)
    {
        try
        {
            host.DeleteDirectory(directory);
        }
        catch (OutputException)
        {
            // Left for the next build to clean.
        }
    }

    /// <summary>A temporary file of an atomic write (".report.html.1234.&lt;guid&gt;.tmp") that a killed build left.</summary>
    private static bool IsTemporary(string file) => file.StartsWith('.') && file.EndsWith(".tmp", StringComparison.Ordinal);

    /// <summary>The output folder's absolute path, the folder that holds it (null for a root), and its own name.</summary>
    private static (string Full, string? Parent, string Name) Split(IHost host, string outDirectory)
    {
        if (string.IsNullOrWhiteSpace(outDirectory))
        {
            throw new OutputException("--out", "is empty: give the name of a folder for the edition's files");
        }
        var full = Path.TrimEndingDirectorySeparator(host.GetFullPath(outDirectory));
        return (full, Path.GetDirectoryName(full), Path.GetFileName(full));
    }
}
