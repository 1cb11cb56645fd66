using MediaAdmin.Core.Data;
using MediaAdmin.Core.Events;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The outbox row of <paramref name="videoId"/> on <paramref name="server"/> once it satisfies <paramref name="state"/>.</summary>
    public static async Task<OutgoingVodEvent> ForAsync(ConsoleServer server, string videoId, Func<OutgoingVodEvent, bool> state)
    {
        OutgoingVodEvent? row = null;
        await UntilAsync(async () =>
        {
            await using var db = await server.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync();
            row = await db.OutgoingVodEvents.AsNoTracking().SingleOrDefaultAsync(e => e.VideoId == videoId);
            return row is not null && state(row);
        }, $"the callback for {videoId} to reach the expected state");
        return row!;
    }
}
