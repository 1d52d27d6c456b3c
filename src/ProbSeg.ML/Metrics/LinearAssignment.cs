namespace ProbSeg.ML.Metrics;

/// <summary>
/// Minimum-cost perfect matching of a square cost matrix: the Hungarian method in its O(n³) shortest-augmenting-path
/// form with row/column potentials (Jonker–Volgenant style), the job of <c>scipy.optimize.linear_sum_assignment</c>.
/// </summary>
public static class LinearAssignment
{
    /// <summary>Solves the assignment problem for <paramref name="cost"/> <c>[n, n]</c> (row-major).</summary>
    /// <returns>For each row, the column assigned to it.</returns>
    /// <exception cref="ArgumentException">The matrix is not n×n or holds NaN/∞.</exception>
    public static int[] Solve(ReadOnlySpan<double> cost, int n)
    {
        if (n < 0 || cost.Length != (long)n * n)
            throw new ArgumentException($"Cost matrix holds {cost.Length} values; a {n}×{n} matrix needs {(long)n * n}.", nameof(cost));
        for (int x = 0; x < cost.Length; x++)
            if (!double.IsFinite(cost[x]))
                throw new ArgumentException($"Cost [{x / n}, {x % n}] is {cost[x]}; costs must be finite.", nameof(cost));

        // Index 0 is a virtual column/row that starts each augmenting search; real rows/columns are 1..n.
        var rowPotential = new double[n + 1];
        var columnPotential = new double[n + 1];
        var rowOfColumn = new int[n + 1];
        var previousColumn = new int[n + 1];
        var slack = new double[n + 1];
        var visited = new bool[n + 1];

        for (int row = 1; row <= n; row++)
        {
            rowOfColumn[0] = row;
            int column = 0;
            Array.Fill(slack, double.PositiveInfinity);
            Array.Clear(visited);
            // Grow a shortest-path tree of tight edges until it reaches a free column.
            do
            {
                visited[column] = true;
                int r = rowOfColumn[column];
                double delta = double.PositiveInfinity;
                int nextColumn = 0;
                for (int c = 1; c <= n; c++)
                {
                    if (visited[c]) continue;
                    double reduced = cost[(r - 1) * n + (c - 1)] - rowPotential[r] - columnPotential[c];
                    if (reduced < slack[c]) { slack[c] = reduced; previousColumn[c] = column; }
                    if (slack[c] < delta) { delta = slack[c]; nextColumn = c; }
                }
                for (int c = 0; c <= n; c++)
                {
                    if (visited[c]) { rowPotential[rowOfColumn[c]] += delta; columnPotential[c] -= delta; }
                    else slack[c] -= delta;
                }
                column = nextColumn;
            } while (rowOfColumn[column] != 0);
            // Flip the matching along the path back to the virtual column.
            do
            {
                int back = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[back];
                column = back;
            } while (column != 0);
        }

        var assignment = new int[n];
        for (int c = 1; c <= n; c++) assignment[rowOfColumn[c] - 1] = c - 1;
        return assignment;
    }
}
