namespace MediaAdmin.Tests.Instances;

/// <summary>Waits for what another instance (or Redis) brings about, polling until a generous deadline.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(TimeSpan deadline, Func<bool> condition)
    {
        var until = DateTime.UtcNow + deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"The condition did not hold within {deadline.TotalSeconds:F0} s.");
            await Task.Delay(50);
        }
    }
}
