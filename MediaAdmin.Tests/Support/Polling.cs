namespace MediaAdmin.Tests.Support;

/// <summary>Waiting for what background workers do, without a fixed sleep: read again until it holds.</summary>
public static class Polling
{
    /// <summary>Reads until <paramref name="done"/> holds for what <paramref name="read"/> answers, failing after 30 s; answers that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                Assert.True(done(value), $"not reached within 30 s: {value}");
                return value;
            }

            await Task.Delay(20);
        }
    }
}
