namespace CiteCheck.Tests.Support;

/// <summary>Paths of the repository (found from the test binary upwards) and of the shared corpus beside it, when present.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>../shared/corpus next to the repository: present in CI, absent in a user's clone.</summary>
    public static string? SharedCorpus
    {
        get
        {
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>../shared/corpus-real next to the repository (real articles under a share-alike licence: read in place, never copied here).</summary>
    public static string? SharedRealCorpus
    {
        get
        {
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "corpus-real"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "CiteCheck.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (CiteCheck.slnx) above " + AppContext.BaseDirectory);
    }
}
