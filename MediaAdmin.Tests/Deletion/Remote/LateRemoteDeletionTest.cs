using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion.Remote;
using Microsoft.EntityFrameworkCore;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>A host on the stand-in library whose database a test can make fail, with what the late-deletion tests share.</summary>
public abstract class LateRemoteDeletionTest : RemoteDeletionTest
{
    protected FailingCommandInterceptor Database { get; } = new();

    protected LateRemoteDeletions Late => App.Services.GetRequiredService<LateRemoteDeletions>();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<SqliteMediaDbContext>(options => options.AddInterceptors(Database));

    protected async Task<RemoteVideo> MirroredVideoAsync()
    {
        var video = Library.Add(5, "Archive", $"Evening news {Guid.NewGuid():N}");
        await RemoteSource.MirrorAsync(App.Services, video.Video);
        return video;
    }

    protected async Task<List<string>> ReminderUrlsAsync()
    {
        await using var db = await App.OpenDbAsync();
        return [.. (await db.CdnInvalidations.ToListAsync()).SelectMany(c => c.Urls)];
    }
}
