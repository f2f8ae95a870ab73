namespace Lantern.Core.Features.Linkage;

/// <summary>
/// A trained Fellegi-Sunter model: for each compared column and level, m (probability of the level for a true
/// match, from expectation-maximisation) and u (for two random records, counted on random pairs), and the prior
/// probability that two random records are the same person.
/// </summary>
public sealed class LinkageModel
{
    public const double MaxTermFrequencyAdjustment = 8;

    internal LinkageModel(IReadOnlyList<Comparison> comparisons, double[][] m, double[][] u, double prior, int iterations, bool converged, IReadOnlyList<double> priorHistory)
    {
        Comparisons = comparisons;
        M = m;
        U = u;
        Prior = prior;
        Iterations = iterations;
        Converged = converged;
        PriorHistory = priorHistory;
    }

    public IReadOnlyList<Comparison> Comparisons { get; }
    public IReadOnlyList<IReadOnlyList<double>> M { get; }
    public IReadOnlyList<IReadOnlyList<double>> U { get; }
    public double Prior { get; }
    public int Iterations { get; }
    public bool Converged { get; }

    /// <summary>The prior after each EM iteration (to see convergence).</summary>
    public IReadOnlyList<double> PriorHistory { get; }

    /// <summary>log2(m/u) of a level; 0 for a missing value.</summary>
    public double Weight(int comparison, int level) => level < 0 ? 0 : Math.Log2(M[comparison][level] / U[comparison][level]);

    public double PriorWeight => Math.Log2(Prior / (1 - Prior));

    /// <summary>
    /// Term-frequency adjustment for an exact agreement on a value held by a share <paramref name="frequency"/> of
    /// the records: log2(u_exact / frequency), so a rare name weighs more than a common one. Bounded.
    /// </summary>
    public double TermFrequencyAdjustment(int comparison, double frequency)
    {
        if (!Comparisons[comparison].TermFrequency || frequency <= 0)
        {
            return 0;
        }
        return Math.Clamp(Math.Log2(U[comparison][0] / frequency), -MaxTermFrequencyAdjustment, MaxTermFrequencyAdjustment);
    }

    public static double Probability(double matchWeight) => 1 / (1 + Math.Pow(2, -matchWeight));
}

/// <summary>Why two records were (or were not) linked: each column's level and weight, and the final probability.</summary>
public sealed record LinkExplanation(string LeftId, string RightId, double PriorWeight, IReadOnlyList<FieldExplanation> Fields, double MatchWeight, double Probability);

/// <summary>One column of an explanation. Weights are in bits (log2 of the likelihood ratio).</summary>
public sealed record FieldExplanation(string Column, string Field, string Level, double M, double U, double Weight, double TermFrequencyAdjustment);
