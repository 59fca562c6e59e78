namespace Analytics.Etl.Sample;

/// <summary>
/// SplitMix64: tiny, fast and fully specified here, so a seed gives the same sample on every
/// .NET version (System.Random's seeded sequence is an implementation detail).
/// </summary>
internal sealed class SampleRandom
{
    private ulong _state;

    public SampleRandom(ulong state) => _state = state;

    /// <summary>An independent stream per (seed, purpose, index), so generation order never changes values.</summary>
    public static SampleRandom For(int seed, string stream, long index)
    {
        var h = 14695981039346656037UL;
        foreach (var c in stream)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        var r = new SampleRandom(h ^ ((ulong)(uint)seed << 32) ^ (ulong)index * 0xD1B54A32D192ED03UL);
        r.NextULong();
        return r;
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double Uniform(double min, double max) => min + NextDouble() * (max - min);

    public bool Chance(double p) => NextDouble() < p;

    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    public int Poisson(double lambda)
    {
        if (lambda > 30)
        {
            return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * Normal()));
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }

        return k;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public DateOnly DateBetween(DateOnly first, DateOnly last) =>
        first.AddDays(Next(last.DayNumber - first.DayNumber + 1));
}
