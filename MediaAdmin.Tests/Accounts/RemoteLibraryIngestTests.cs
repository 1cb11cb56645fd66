using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Ingest.Uploads;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Accounts;

/// <summary>
/// A console fronting ApsaraVideo VOD ingests nothing itself: a local asset would sit in the mirror, and deleting it
/// through Alibaba would drop its row and leave its files behind.
/// </summary>
public sealed class RemoteLibraryIngestTests : CoreHostTest
{
    protected override IDictionary<string, string?>? HostSettings => AlibabaVodSourceHost.Settings;

    [Fact]
    public async Task Uploads_are_refused_with_where_to_upload_instead_and_nothing_is_stored()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var uploads = App.Services.GetRequiredService<UploadStore>();

        var may = await uploads.MayUploadAsync(editor.Id);
        var started = await uploads.StartAsync(editor.Id, new NewUpload("clip.mp4", 1024));

        Assert.All([may.Status, started.Status], status => Assert.Equal(ResultStatus.Conflict, status));
        Assert.Contains("upload in Alibaba's VOD console", may.Error, StringComparison.Ordinal);
        Assert.Empty(await App.StoredKeysAsync());
    }

    [Fact]
    public async Task An_import_is_refused_before_anything_is_stored_or_committed()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var source = Path.Combine(Folder.Path, "clip.mp4");
        await File.WriteAllBytesAsync(source, [1, 2, 3]);

        var submitted = await App.Services.GetRequiredService<IIngestPipeline>().SubmitAsync(new IngestSubmission(editor.Id, "Clip", source, "clip.mp4"));

        Assert.Equal(ResultStatus.Conflict, submitted.Status);
        Assert.Contains("Library:Source=AlibabaVod", submitted.Error, StringComparison.Ordinal);
        Assert.Empty(await App.StoredKeysAsync());
        await using var db = await App.OpenDbAsync();
        Assert.Equal(0, await db.MediaAssets.CountAsync());
        Assert.True(File.Exists(source));
    }
}
