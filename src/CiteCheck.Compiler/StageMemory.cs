using System.Runtime;

namespace CiteCheck.Compiler;

/// <summary>
/// Gives back, between the pipeline's stages, the memory a large report's stage left behind (the Markdig syntax tree
/// once the model is built, the cross-check's working sets once its findings are made, an edition once written), so
/// that one stage's garbage does not add to the next stage's peak. The garbage collector alone runs a full, compacting
/// collection rarely, and by default does not compact the large-object heap where a big report's strings and arrays live
/// (docs/limits.md, "Memory"). A report under <see cref="Threshold"/> characters skips it: its stages leave little,
/// and a full collection would cost the editor's quick rebuild a few milliseconds for nothing.
/// </summary>
public static class StageMemory
{
    /// <summary>Reports of at least this many characters (1 MiB) are compacted between stages.</summary>
    public const int Threshold = 1 << 20;

    public static void Release(int reportLength)
    {
        if (reportLength < Threshold)
        {
            return;
        }
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
