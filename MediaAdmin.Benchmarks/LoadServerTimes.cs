using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// How long each API request took inside the instances, from the first middleware to the end of its answer: set
/// beside the client's figures, it says whether a slow call was slow in the server or on its way there and back.
/// </summary>
internal sealed class LoadServerTimes : IStartupFilter
{
    public ConcurrentQueue<double> Milliseconds { get; } = new();

    public bool Recording { get; set; }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            var started = Stopwatch.GetTimestamp();
            await following(context);
            if (Recording)
            {
                Milliseconds.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        next(app);
    };
}
