namespace ProbSeg.ML.Data.Readers;

/// <summary>Options of <see cref="ManifestReader"/>: the manifest's column names and separators.</summary>
public sealed class ManifestOptions : DatasetReadOptions
{
    /// <summary>The column holding each image's path (required).</summary>
    public string ImageColumn { get; set; } = "image";

    /// <summary>Columns whose names start with this (case-insensitive), in header order, hold mask paths:
    /// <c>mask_0,mask_1,…</c> (one path each, a blank cell is a missing annotator in that slot) or a single
    /// <c>masks</c> column with several paths separated by <see cref="PathSeparator"/>.</summary>
    public string MaskColumnPrefix { get; set; } = "mask";

    /// <summary>Optional column of groups (e.g. patient) for group-level splits; the id when absent.</summary>
    public string GroupColumn { get; set; } = "group";

    /// <summary>Optional column of ids; the image path as written when absent.</summary>
    public string IdColumn { get; set; } = "id";

    /// <summary>Field delimiter.</summary>
    public char Delimiter { get; set; } = ',';

    /// <summary>Separates several mask paths inside one cell.</summary>
    public char PathSeparator { get; set; } = ';';
}
