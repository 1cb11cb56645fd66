using System.Diagnostics;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>Waits for something another process or worker does, failing with what it waited for when the deadline passes.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string waitedFor)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"Waited {deadline.TotalSeconds:0} s for {waitedFor}.");
            }

            await Task.Delay(50);
        }
    }
}
