using ProbSeg.ML.Data.Splits;

namespace ProbSeg.ML.Tests.Data.Splits;

[TestClass]
public sealed class GroupSplitterTests
{
    /// <summary>20 patients with 1–6 slices each, interleaved as a reader might list them.</summary>
    private static string[] Groups()
    {
        var random = new Random(1);
        var groups = Enumerable.Range(0, 20).SelectMany(p => Enumerable.Repeat($"patient-{p:D2}", random.Next(1, 7))).ToArray();
        random.Shuffle(groups);
        return groups;
    }

    [TestMethod]
    public void NoGroupIsInTwoPartsAndEveryImageIsInOne()
    {
        var groups = Groups();
        var split = GroupSplitter.Split(groups, 0.6, 0.2, 0.2, seed: 3);
        var all = split.Train.Concat(split.Validation).Concat(split.Test).Order().ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(0, groups.Length).ToArray(), all);
        var train = split.Train.Select(i => groups[i]).ToHashSet();
        var validation = split.Validation.Select(i => groups[i]).ToHashSet();
        var test = split.Test.Select(i => groups[i]).ToHashSet();
        Assert.IsFalse(train.Overlaps(validation) || train.Overlaps(test) || validation.Overlaps(test), "A group leaked across parts.");
        Assert.AreEqual((12, 4, 4), (train.Count, validation.Count, test.Count), "Fractions count groups.");
    }

    [TestMethod]
    public void SplitIsDeterministicAndIndependentOfImageOrder()
    {
        var groups = Groups();
        var a = GroupSplitter.Split(groups, 0.6, 0.2, 0.2, seed: 3);
        var b = GroupSplitter.Split(groups, 0.6, 0.2, 0.2, seed: 3);
        var c = GroupSplitter.Split(groups, 0.6, 0.2, 0.2, seed: 4);
        CollectionAssert.AreEqual(a.Train, b.Train);
        CollectionAssert.AreEqual(a.Test, b.Test);
        CollectionAssert.AreNotEqual(a.Train, c.Train);

        var reversed = groups.Reverse().ToArray();
        var r = GroupSplitter.Split(reversed, 0.6, 0.2, 0.2, seed: 3);
        CollectionAssert.AreEquivalent(a.Test.Select(i => groups[i]).Distinct().ToArray(), r.Test.Select(i => reversed[i]).Distinct().ToArray());
    }

    [TestMethod]
    public void KFoldHoldsOutEachImageOnceWithoutLeakage()
    {
        var groups = Groups();
        var folds = GroupSplitter.KFold(groups, 5, seed: 2);
        Assert.AreEqual(5, folds.Count);
        var heldOut = new int[groups.Length];
        foreach (var fold in folds)
        {
            foreach (int i in fold.Test) heldOut[i]++;
            Assert.AreEqual(groups.Length, fold.Train.Length + fold.Test.Length);
            var testGroups = fold.Test.Select(i => groups[i]).ToHashSet();
            Assert.IsFalse(fold.Train.Any(i => testGroups.Contains(groups[i])), $"Fold {fold.Fold} leaks a group.");
            Assert.AreEqual(4, testGroups.Count, "20 groups in 5 folds.");
        }
        Assert.IsTrue(heldOut.All(n => n == 1));
        CollectionAssert.AreEqual(folds[2].Test, GroupSplitter.KFold(groups, 5, seed: 2)[2].Test);
    }

    [TestMethod]
    public void BadArgumentsAreRejected()
    {
        var groups = Groups();
        Assert.ThrowsExactly<ArgumentException>(() => GroupSplitter.Split(groups, 0.5, 0.2, 0.2, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GroupSplitter.Split(groups, -0.1, 0.6, 0.5, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GroupSplitter.KFold(groups, 21, 1));
        Assert.ThrowsExactly<ArgumentException>(() => GroupSplitter.Split(["a", null!], 1, 0, 0, 1));
    }
}
