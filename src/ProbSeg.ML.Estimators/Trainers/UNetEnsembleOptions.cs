using ProbSeg.ML.Models;

namespace ProbSeg.ML.Estimators;

/// <summary>Options of the <see cref="UNetEnsembleTrainer"/>.</summary>
public sealed class UNetEnsembleOptions : UNetTrainerOptions
{
    /// <summary>Members M (4: Czolbe <c>ensemble</c>, one per LIDC annotator).</summary>
    public int Members { get; set; } = 4;

    /// <summary>1×1 convolutions of each member's head (3, as the deterministic U-Net).</summary>
    public int HeadConvolutions { get; set; } = 3;

    /// <summary>Which annotation each member trains on (Czolbe: member k on annotator k).</summary>
    public EnsembleAnnotatorAssignment Assignment { get; set; } = EnsembleAnnotatorAssignment.MemberAnnotator;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(Members >= 1, Members, nameof(Members), "An ensemble needs at least one member.");
        Require(HeadConvolutions >= 1, HeadConvolutions, nameof(HeadConvolutions), "Use at least one 1×1 convolution in the head.");
        Require(Enum.IsDefined(Assignment), Assignment, nameof(Assignment), "Unknown annotator assignment.");
    }
}
