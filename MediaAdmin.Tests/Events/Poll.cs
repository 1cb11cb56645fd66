namespace MediaAdmin.Tests.Events;

/// <summary>Waits for what a background worker does, with a generous deadline and no timing assertion.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting for {what} after {seconds} s.");
            }

            await Task.Delay(50);
        }
    }
}
