using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Ingest;

/// <summary>What the pipeline refuses before storing anything, each with a message a person can act on.</summary>
public sealed class IngestRefusalTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly TempFolder _sources = new();
    private CoreHost _app = null!;

    public async Task InitializeAsync() =>
        _app = await CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { ["Ingest:MaxUploadBytes"] = "2000" });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
        _sources.Dispose();
    }

    [Fact]
    public async Task A_file_too_large_a_blank_title_or_an_unknown_category_is_refused_and_nothing_is_stored()
    {
        var editor = await _app.CreateUserAsync(RoleNames.Editor);
        var big = Path.Combine(_sources.Path, "big.mp4");
        await File.WriteAllBytesAsync(big, new byte[2001]);
        var small = Path.Combine(_sources.Path, "small.mp4");
        await File.WriteAllBytesAsync(small, new byte[10]);
        var pipeline = _app.Services.GetRequiredService<IIngestPipeline>();

        var tooLarge = await pipeline.SubmitAsync(new IngestSubmission(editor.Id, "Big", big, "big.mp4"));
        var blank = await pipeline.SubmitAsync(new IngestSubmission(editor.Id, "   ", small, "small.mp4"));
        var unknownCategory = await pipeline.SubmitAsync(new IngestSubmission(editor.Id, "Small", small, "small.mp4", CategoryId: 424242));

        Assert.Equal((ResultStatus.Invalid, "The file 'big.mp4' has 2,001 bytes; at most 2,000 are accepted (Ingest:MaxUploadBytes)."), (tooLarge.Status, tooLarge.Error));
        Assert.Equal((ResultStatus.Invalid, "A title must have 1 to 128 characters."), (blank.Status, blank.Error));
        Assert.Equal((ResultStatus.Invalid, "Category 424242 does not exist."), (unknownCategory.Status, unknownCategory.Error));
        Assert.Empty(await _app.LiveAssetIdsAsync());
        Assert.Empty(await _app.StoredKeysAsync());
    }
}
