using Lantern.Core.Features.Statistics;

namespace Lantern.Core.Tests.Features.Statistics;

public sealed class SmallCellsTests
{
    [Fact]
    public void OneWay_OneSmallCell_AlsoWithholdsTheNextSmallest()
    {
        var (cells, total) = SmallCells.OneWay([12, 3, 7, 20, 0], 42);

        Assert.Equal(["12", "<5", "x", "20", "0"], cells.Select(c => c.Text));
        Assert.Equal("42", total.Text);
        AssertNoHiddenCellDerivable(OneRow(cells, total));
    }

    [Fact]
    public void OneWay_TwoSmallCells_ProtectEachOther()
    {
        var (cells, total) = SmallCells.OneWay([1, 2, 30], 33);

        Assert.Equal(["<5", "<5", "30"], cells.Select(c => c.Text));
        Assert.Equal("33", total.Text);
        AssertNoHiddenCellDerivable(OneRow(cells, total));
    }

    [Fact]
    public void OneWay_SmallCellAndOnlyZerosBeside_HidesTheTotal()
    {
        var (cells, total) = SmallCells.OneWay([0, 3, 0], 3);

        Assert.Equal(["0", "<5", "0"], cells.Select(c => c.Text));
        Assert.True(total.Hidden);
    }

    [Fact]
    public void OneWay_NoSmallCell_ShowsEverything()
    {
        var (cells, total) = SmallCells.OneWay([5, 0, 9], 14);

        Assert.All(cells, c => Assert.False(c.Hidden));
        Assert.Equal(14, total.Value);
    }

    [Fact]
    public void TwoWay_SmallCell_IsProtectedInItsRowAndColumn()
    {
        int[,] counts =
        {
            { 20, 3, 15 },
            { 11, 9, 30 },
            { 8, 14, 6 },
        };

        var table = SmallCells.TwoWay(counts);

        Assert.Equal(SmallCells.Mark.Small, table.Cells[0, 1].Mark);
        Assert.Equal(4, table.Cells.Cast<SmallCells.Cell>().Count(c => c.Hidden));
        Assert.All(table.RowTotals.Concat(table.ColumnTotals).Append(table.Total), c => Assert.False(c.Hidden));
        AssertNoHiddenCellDerivable(Extended(table));
    }

    [Fact]
    public void TwoWay_SmallCellAloneInARowOfZeros_HidesTotalsUntilSafe()
    {
        int[,] counts =
        {
            { 0, 2, 0 },
            { 10, 12, 7 },
            { 9, 6, 30 },
        };

        var table = SmallCells.TwoWay(counts);

        Assert.True(table.RowTotals[0].Hidden);
        AssertNoHiddenCellDerivable(Extended(table));
    }

    [Fact]
    public void TwoWay_ManySmallCells_NoHiddenCellCanBeRecovered()
    {
        int[,] counts =
        {
            { 1, 0, 7, 4 },
            { 6, 2, 0, 11 },
            { 0, 9, 3, 5 },
        };

        AssertNoHiddenCellDerivable(Extended(SmallCells.TwoWay(counts)));
    }

    /// <summary>
    /// An independent check, not using the suppression's own rule: every assignment of the hidden entries (small
    /// cells 1 to 4, others from 0 to the smallest shown total of a line holding them) that agrees with every published
    /// row and column sum is enumerated; each hidden entry must take at least two values across them.
    /// </summary>
    private static void AssertNoHiddenCellDerivable(Published t)
    {
        var lines = new List<List<(int R, int C)>>();
        for (var r = 0; r < t.Rows; r++)
        {
            lines.Add([.. Enumerable.Range(0, t.Columns).Select(c => (r, c))]);
        }
        if (t.HasColumnTotals)
        {
            for (var c = 0; c < t.Columns; c++)
            {
                lines.Add([.. Enumerable.Range(0, t.Rows).Select(r => (r, c))]);
            }
        }
        var hidden = lines.SelectMany(l => l).Distinct().Where(e => t.Cells[e.R, e.C].Hidden).ToList();
        Assert.NotEmpty(hidden);
        int Bound((int R, int C) e) => lines.Where(l => l.Contains(e) && !t.Cells[l[^1].R, l[^1].C].Hidden)
            .Select(l => t.Cells[l[^1].R, l[^1].C].Value!.Value).DefaultIfEmpty(t.Bound).Min();
        // A line is checked as soon as its last hidden entry has a value.
        var checkAt = lines.Select(l => (Line: l, At: l.Select(e => hidden.IndexOf(e)).Max())).Where(x => x.At >= 0).ToLookup(x => x.At, x => x.Line);
        var values = new int[hidden.Count];
        var seen = hidden.Select(_ => new HashSet<int>()).ToList();
        int Value((int R, int C) e)
        {
            var i = hidden.IndexOf(e);
            return i >= 0 ? values[i] : t.Cells[e.R, e.C].Value!.Value;
        }
        void Search(int i)
        {
            if (i == hidden.Count)
            {
                for (var k = 0; k < values.Length; k++)
                {
                    seen[k].Add(values[k]);
                }
                return;
            }
            var (low, high) = t.Cells[hidden[i].R, hidden[i].C].Mark == SmallCells.Mark.Small ? (1, 4) : (0, Bound(hidden[i]));
            for (var v = low; v <= high; v++)
            {
                values[i] = v;
                if (checkAt[i].All(l => l.Take(l.Count - 1).Sum(Value) == Value(l[^1])))
                {
                    Search(i + 1);
                }
            }
        }
        Search(0);
        for (var k = 0; k < hidden.Count; k++)
        {
            Assert.True(seen[k].Count >= 2, $"hidden entry {hidden[k]} can be recovered: only {string.Join(",", seen[k])} fits the totals");
        }
    }

    /// <summary>The published table with the totals as its last column (and last row): what a reader sees.</summary>
    private sealed record Published(SmallCells.Cell[,] Cells, bool HasColumnTotals, int Bound)
    {
        public int Rows => Cells.GetLength(0);
        public int Columns => Cells.GetLength(1);
    }

    private static Published OneRow(IReadOnlyList<SmallCells.Cell> cells, SmallCells.Cell total)
    {
        var grid = new SmallCells.Cell[1, cells.Count + 1];
        for (var i = 0; i < cells.Count; i++)
        {
            grid[0, i] = cells[i];
        }
        grid[0, cells.Count] = total;
        return new Published(grid, false, total.Value ?? 60);
    }

    private static Published Extended(SmallCells.TwoWayTable t)
    {
        var rows = t.Cells.GetLength(0);
        var columns = t.Cells.GetLength(1);
        var grid = new SmallCells.Cell[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                grid[r, c] = t.Cells[r, c];
            }
            grid[r, columns] = t.RowTotals[r];
        }
        for (var c = 0; c < columns; c++)
        {
            grid[rows, c] = t.ColumnTotals[c];
        }
        grid[rows, columns] = t.Total;
        return new Published(grid, true, t.Total.Value ?? 200);
    }
}
