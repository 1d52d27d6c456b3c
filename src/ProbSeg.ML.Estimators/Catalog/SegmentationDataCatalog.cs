using Microsoft.ML;
using ProbSeg.ML.Data;
using ProbSeg.ML.Data.Readers;
using ProbSeg.ML.Data.Synthetic;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// Loads segmentation data sets as <see cref="IDataView"/>s and converts between <see cref="IDataView"/> and the engine's
/// <see cref="AmbiguousDataset"/>. Get it with <c>mlContext.Segmentation().Data</c>.
/// </summary>
/// <remarks>
/// Data views made here have the columns <c>Image</c> (Single vector <c>[C, H, W]</c>), <c>Label</c> (Byte vector
/// <c>[A, H, W]</c>, 255 in every pixel of an absent annotator's slot), <c>Id</c> and <c>Group</c> (text; the group, e.g.
/// the patient, is the key for <c>mlContext.Data.TrainTestSplit(samplingKeyColumnName: "Group")</c> so that slices of one
/// patient never cross a split).
/// </remarks>
public sealed class SegmentationDataCatalog
{
    private readonly MLContext _context;

    internal SegmentationDataCatalog(MLContext context) => _context = context;

    /// <summary>Presents <paramref name="dataset"/> as an <see cref="IDataView"/> (rows are copied lazily as they are read).</summary>
    /// <param name="dataset">The images and annotations.</param>
    /// <param name="imageColumnName">Name of the image column.</param>
    /// <param name="labelColumnName">Name of the annotation column.</param>
    /// <param name="idColumnName">Name of the image id column.</param>
    /// <param name="groupColumnName">Name of the group (patient) column.</param>
    public IDataView FromDataset(AmbiguousDataset dataset, string imageColumnName = "Image", string labelColumnName = "Label",
        string idColumnName = "Id", string groupColumnName = "Group")
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return DatasetDataView.Create(_context, dataset, imageColumnName, labelColumnName, idColumnName, groupColumnName);
    }

    /// <summary>
    /// Reads an <see cref="IDataView"/> into an <see cref="AmbiguousDataset"/>, checking columns, shapes and values.
    /// </summary>
    /// <param name="data">Rows with an image and a label column.</param>
    /// <param name="imageColumnName">Float vector <c>[C, H, W]</c>.</param>
    /// <param name="labelColumnName">Class ids <c>[A, H, W]</c>: Byte, integer or whole-number Single/Double; an annotator slot
    /// holding 255 in every pixel (or -1, for signed and floating types) is absent.</param>
    /// <param name="imageShape">The image shape when the image column is a flat vector; null reads the column's
    /// dimensions, or takes a flat vector of S·S values as an S×S single-channel image.</param>
    /// <param name="classes">Number of classes K; 0 infers the largest id + 1 (at least 2).</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type or shape.</exception>
    /// <exception cref="InvalidOperationException">The data is empty, holds a non-finite pixel, or a label outside the classes.</exception>
    public AmbiguousDataset ToDataset(IDataView data, string imageColumnName = "Image", string labelColumnName = "Label",
        ImageShape? imageShape = null, int classes = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        return DataViewDatasetReader.Read(data, imageColumnName, labelColumnName, imageShape, classes, "input", nameof(data));
    }

    /// <summary>
    /// Generates the synthetic ambiguous data set, whose ground-truth distribution over segmentations is known exactly
    /// (presence, border and shape ambiguity with set probabilities), as an <see cref="IDataView"/>.
    /// </summary>
    /// <param name="options">Size, count, seed and ambiguity settings; null uses the defaults (512 images of 32×32, 4 annotators).</param>
    public IDataView LoadSynthetic(SyntheticOptions? options = null) =>
        FromDataset(SyntheticAmbiguousData.Generate(options).Dataset);

    /// <summary>
    /// Reads images and multi-annotator masks from an <c>.npz</c> (arrays <c>images</c> and <c>masks</c> unless the
    /// options name others; layouts (N,H,W), (N,C,H,W), (N,H,W,C) and (N,A,H,W), (N,H,W,A)).
    /// </summary>
    /// <param name="path">The <c>.npz</c> file.</param>
    /// <param name="options">Array names, layouts, scaling, cropping, row range; null uses the defaults.</param>
    public IDataView LoadNpz(string path, NpzDatasetOptions? options = null) => FromDataset(NpzDatasetReader.Read(path, options));

    /// <summary>
    /// Reads the LIDC-IDRI 128×128 crops kept as <c>.npz</c> (<c>lidc_train.npz</c>, <c>lidc_val.npz</c>): one channel,
    /// two classes, four annotators, grouped by patient.
    /// </summary>
    /// <param name="path">The <c>.npz</c> file.</param>
    /// <param name="options">Scaling, cropping, row range; null uses the defaults.</param>
    public IDataView LoadLidcNpz(string path, DatasetReadOptions? options = null) => FromDataset(LidcNpzReader.Read(path, options));

    /// <summary>Reads the "LIDC-IDRI-slices" PNG layout (<c>LIDC-IDRI-XXXX/nodule-N/{images,mask-0..3}/slice-K.png</c>).</summary>
    /// <param name="root">The folder holding the <c>LIDC-IDRI-XXXX</c> folders.</param>
    /// <param name="options">Scaling, cropping, row range; null uses the defaults.</param>
    public IDataView LoadLidcPngs(string root, DatasetReadOptions? options = null) => FromDataset(LidcPngFolderReader.Read(root, options));

    /// <summary>
    /// Reads the DeepMind / Hierarchical Probabilistic U-Net LIDC crops (<c>images/&lt;patient&gt;/*.png</c>,
    /// <c>gt/&lt;patient&gt;/*_l&lt;k&gt;.png</c>), centre-cropped to 128 as in the reference notebook.
    /// </summary>
    /// <param name="root">The split folder holding <c>images/</c> and <c>gt/</c>.</param>
    /// <param name="options">Scaling, cropping, row range; null uses the defaults.</param>
    public IDataView LoadLidcCrops(string root, DatasetReadOptions? options = null) => FromDataset(LidcCropsFolderReader.Read(root, options));

    /// <summary>Reads your own images and annotators' masks listed in a CSV manifest (image, mask columns, optional group).</summary>
    /// <param name="manifestPath">The CSV file; relative paths in it are relative to its folder.</param>
    /// <param name="options">Column names, scaling, mask values, classes; null uses the defaults.</param>
    public IDataView LoadManifest(string manifestPath, ManifestOptions? options = null) => FromDataset(ManifestReader.Read(manifestPath, options));
}
