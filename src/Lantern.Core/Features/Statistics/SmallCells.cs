using System.Globalization;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// Small-cell protection for every aggregate that leaves Lantern (public pages, exports, <c>--public</c>) and for
/// users without <see cref="Security.Permissions.StatisticsExact"/>. A count from 1 to 4 is shown as "&lt;5" (primary
/// suppression); then complementary suppression hides more cells ("x") until no hidden cell can be worked out from a
/// row or column total: every line (a row or column with its total) that holds a hidden entry holds at least two.
/// The complement is a non-zero visible cell of the line, preferring one that also protects a crossing line, then the
/// smallest; when the line has none, its total is hidden. Greedy, so not always the fewest cells, but always safe.
/// Zeros are shown: a zero chosen as complement would protect nothing. See docs/decisions/0017-glotip-statistics.md.
/// </summary>
public static class SmallCells
{
    /// <summary>Shown for a count from 1 to 4.</summary>
    public const string Small = "<5";

    /// <summary>Shown for a cell hidden only so that a small cell cannot be worked out from the totals.</summary>
    public const string Withheld = "x";

    public const int Threshold = 5;

    public enum Mark { Shown, Small, Withheld }

    /// <summary>A count as published: its exact value only when <see cref="Mark"/> is Shown.</summary>
    public sealed record Cell(int? Value, Mark Mark)
    {
        public static Cell Exact(int value) => new(value, Mark.Shown);

        public string Text => Mark switch
        {
            Mark.Small => Small,
            Mark.Withheld => Withheld,
            _ => Value!.Value.ToString(CultureInfo.InvariantCulture),
        };

        public bool Hidden => Mark != Mark.Shown;
    }

    /// <summary>A one-way table: the cells and their total (the total need not be their sum when a unit may fall in several cells).</summary>
    public static (IReadOnlyList<Cell> Cells, Cell Total) OneWay(IReadOnlyList<int> counts, int total)
    {
        var matrix = new int[1, counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            matrix[0, i] = counts[i];
        }
        var t = Protect(matrix, [total], null, total, columnLines: false);
        return (Enumerable.Range(0, counts.Count).Select(i => t.Cells[0, i]).ToList(), t.RowTotals[0]);
    }

    /// <summary>A two-way table with row totals, column totals and the grand total, as published.</summary>
    public sealed record TwoWayTable(Cell[,] Cells, IReadOnlyList<Cell> RowTotals, IReadOnlyList<Cell> ColumnTotals, Cell Total);

    /// <summary>Protects a two-way table whose totals are the sums of its cells.</summary>
    public static TwoWayTable TwoWay(int[,] counts)
    {
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var rowTotals = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Sum(c => counts[r, c])).ToArray();
        var columnTotals = Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Sum(r => counts[r, c])).ToArray();
        return Protect(counts, rowTotals, columnTotals, rowTotals.Sum(), columnLines: true);
    }

    /// <summary>Every count shown as it is (for users with exact figures).</summary>
    public static IReadOnlyList<Cell> Exact(IEnumerable<int> counts) => counts.Select(Cell.Exact).ToList();

    private static TwoWayTable Protect(int[,] counts, int[] rowTotals, int[]? columnTotals, int total, bool columnLines)
    {
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        // The extended table: cells, a column of row totals, a row of column totals and the grand total in the corner.
        var value = new int[rows + 1, columns + 1];
        var mark = new Mark[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                value[r, c] = counts[r, c];
            }
            value[r, columns] = rowTotals[r];
        }
        for (var c = 0; c < columns; c++)
        {
            value[rows, c] = columnTotals?[c] ?? 0;
        }
        value[rows, columns] = total;
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                if (value[r, c] is > 0 and < Threshold && (columnLines || r < rows))
                {
                    mark[r, c] = Mark.Small;
                }
            }
        }

        // The lines whose entries must add up: each row with its total; with columns, each column with its total,
        // the column of row totals and the row of column totals (both ending in the grand total).
        var lines = new List<List<(int R, int C)>>();
        for (var r = 0; r < rows; r++)
        {
            lines.Add([.. Enumerable.Range(0, columns + 1).Select(c => (r, c))]);
        }
        if (columnLines)
        {
            for (var c = 0; c <= columns; c++)
            {
                lines.Add([.. Enumerable.Range(0, rows + 1).Select(r => (r, c))]);
            }
            lines.Add([.. Enumerable.Range(0, columns + 1).Select(c => (rows, c))]);
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(e => mark[e.R, e.C] != Mark.Shown) != 1)
                {
                    continue;
                }
                var totalEntry = line[^1];
                var candidates = line.Take(line.Count - 1).Where(e => mark[e.R, e.C] == Mark.Shown && value[e.R, e.C] > 0).ToList();
                // Prefer a cell whose other line already holds exactly one hidden entry: one cell then protects two lines.
                int Completes((int R, int C) e) => lines.Count(l => l != line && l.Contains(e) && l.Count(x => mark[x.R, x.C] != Mark.Shown) == 1);
                var complement = candidates.Count == 0 ? totalEntry
                    : candidates.OrderByDescending(Completes).ThenBy(e => value[e.R, e.C]).ThenBy(e => e.R).ThenBy(e => e.C).First();
                if (mark[complement.R, complement.C] != Mark.Shown)
                {
                    // The only hidden entry is the total itself and no cell can join it: hide the smallest cell, zero or not.
                    complement = line.Take(line.Count - 1).OrderBy(e => value[e.R, e.C]).First();
                }
                mark[complement.R, complement.C] = Mark.Withheld;
                changed = true;
            }
        }
        while (changed);

        Cell At(int r, int c) => mark[r, c] == Mark.Shown ? new Cell(value[r, c], Mark.Shown) : new Cell(null, mark[r, c]);
        var cells = new Cell[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells[r, c] = At(r, c);
            }
        }
        return new TwoWayTable(cells, [.. Enumerable.Range(0, rows).Select(r => At(r, columns))],
            [.. Enumerable.Range(0, columns).Select(c => At(rows, c))], At(rows, columns));
    }
}
