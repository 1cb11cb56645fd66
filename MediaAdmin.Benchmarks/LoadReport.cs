using System.Globalization;

namespace MediaAdmin.Benchmarks;

/// <summary>The figures of a load run: per action, then the last line the README quotes.</summary>
internal static class LoadReport
{
    private static readonly double[] SpreadPoints = [0.50, 0.75, 0.90, 0.95, 0.99, 0.999];

    public static void Write(int seconds, IReadOnlyList<ApiOutcome> outcomes, IReadOnlyList<double> serverMilliseconds, int orphans)
    {
        foreach (var action in outcomes.GroupBy(o => o.Action).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var times = action.Select(o => o.Milliseconds).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{action.Key}: calls={times.Length} ok={action.Count(o => o.Code is null)} throttled={action.Count(o => o.Throttled)} p50_ms={Percentile(times, 0.50):F1} p99_ms={Percentile(times, 0.99):F1} max_ms={times[^1]:F1}"));
        }

        foreach (var error in outcomes.Where(o => o.Code is not null && !o.Throttled).GroupBy(o => $"{o.Action} {o.Code}").Take(10))
        {
            Console.WriteLine($"error: {error.Key} x{error.Count()}");
        }

        var all = outcomes.Select(o => o.Milliseconds).Order().ToArray();
        Console.WriteLine($"spread: client {Spread(all)}");
        Console.WriteLine($"spread: server {Spread([.. serverMilliseconds.Order()])}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: seconds={seconds} ok={outcomes.Count(o => o.Code is null)} errors={outcomes.Count(o => o.Code is not null && !o.Throttled)} throttled={outcomes.Count(o => o.Throttled)} p50_ms={Percentile(all, 0.50):F1} p99_ms={Percentile(all, 0.99):F1} orphans={orphans}"));
    }

    /// <summary>Percentiles from the median to the slowest in a thousand: where a tail starts, not only how long it is.</summary>
    private static string Spread(double[] sorted) => string.Join(' ', SpreadPoints
        .Select(f => string.Create(CultureInfo.InvariantCulture, $"p{f * 100:0.#}={Percentile(sorted, f):F1}")));

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
