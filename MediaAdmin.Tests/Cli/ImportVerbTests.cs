using System.Security.Cryptography;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cli;

/// <summary>The import verb brings a folder in through the upload pipeline, and leaves the folder as it was.</summary>
public sealed class ImportVerbTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly TempFolder _library = new();
    private readonly CliHarness _cli;

    public ImportVerbTests() => _cli = new CliHarness(_data.Path);

    [Fact]
    public async Task A_folder_is_imported_file_by_file_with_the_owner_and_category_and_what_is_not_media_is_refused()
    {
        await _cli.RunAsync("create-user", "--email", "editor@example.com", "--role", "Editor");
        await _cli.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MediaDbContext>();
            db.Categories.Add(new Category { Name = "Archive" });
            await db.SaveChangesAsync();
        });
        Directory.CreateDirectory(Path.Combine(_library.Path, "2019", ".thumbs"));
        await TestClips.VideoAsync(Path.Combine(_library.Path, "2019"), 320, 180, seconds: 1, name: "harbour.mp4");
        await TestClips.AudioAsync(_library.Path, seconds: 1, name: "interview.wav");
        await File.WriteAllTextAsync(Path.Combine(_library.Path, "notes.txt"), "not media");
        await File.WriteAllTextAsync(Path.Combine(_library.Path, "2019", ".thumbs", "hidden.mp4"), "skipped");
        var before = Hashes();

        var (exit, output, _) = await _cli.RunAsync("import", "--path", _library.Path, "--owner", "editor@example.com", "--category", "archive");

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("ok       2019/harbour.mp4 -> ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("ok       interview.wav -> ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("refused  notes.txt: The file is not audio or video", lines[2], StringComparison.Ordinal);
        Assert.Equal("Imported 2 of 3 files for editor@example.com; transcoding runs in the console's background workers.", lines[3]);
        Assert.Equal(before, Hashes());
        await _cli.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MediaDbContext>();
            var assets = await db.MediaAssets.Include(a => a.Owner).Include(a => a.Category).OrderBy(a => a.Title).ToListAsync();
            Assert.Equal(["harbour", "interview"], assets.Select(a => a.Title));
            Assert.All(assets, a => Assert.Equal(("editor@example.com", "Archive", MediaStatus.UploadSucc), (a.Owner!.Email, a.Category!.Name, a.Status)));
            Assert.Equal([MediaType.Video, MediaType.Audio], assets.Select(a => a.MediaType));
            var jobs = await db.IngestJobs.ToListAsync();
            Assert.Equal(assets.Select(a => a.Id).Order(), jobs.Select(j => j.AssetId).Order());
            Assert.All(jobs, j => Assert.Equal(IngestJobState.Queued, j.State));
        });
    }

    [Fact]
    public async Task Without_an_owner_the_only_administrator_owns_the_import()
    {
        await _cli.RunAsync("create-user", "--email", "boss@example.com", "--role", "Administrator");
        await TestClips.AudioAsync(_library.Path, seconds: 1);

        var (exit, output, _) = await _cli.RunAsync("import", "--path", _library.Path);

        Assert.Equal(0, exit);
        Assert.Contains("Imported 1 of 1 files for boss@example.com", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_whose_name_is_longer_than_a_title_is_imported_under_its_name_shortened_with_an_ellipsis()
    {
        await _cli.RunAsync("create-user", "--email", "boss@example.com", "--role", "Administrator");
        var name = "Interview with the harbour master about the night shift, the new cranes, the strike of 1998 and what changed for the families living on the quay";
        await TestClips.AudioAsync(_library.Path, seconds: 1, name: name + ".wav");

        var (exit, output, _) = await _cli.RunAsync("import", "--path", _library.Path);

        Assert.Equal(0, exit);
        Assert.Contains("Imported 1 of 1 files", output, StringComparison.Ordinal);
        await _cli.WithServicesAsync(async services =>
        {
            var title = (await services.GetRequiredService<MediaDbContext>().MediaAssets.SingleAsync()).Title;
            Assert.Equal(name[..127] + "…", title);
        });
    }

    [Theory]
    [InlineData("--category", "Nope", "No category 'Nope'. There are no categories yet.")]
    [InlineData("--owner", "viewer@example.com", "Your roles do not allow")]
    [InlineData("--owner", "nobody@example.com", "No account for nobody@example.com.")]
    public async Task A_wrong_owner_or_category_is_refused_and_nothing_is_imported(string option, string value, string message)
    {
        await _cli.RunAsync("create-user", "--email", "viewer@example.com", "--role", "Viewer");
        await _cli.RunAsync("create-user", "--email", "boss@example.com", "--role", "Administrator");
        await TestClips.AudioAsync(_library.Path, seconds: 1);
        string[] owner = option == "--owner" ? [] : ["--owner", "boss@example.com"];

        var (exit, _, errors) = await _cli.RunAsync(["import", "--path", _library.Path, .. owner, option, value]);

        Assert.Equal(1, exit);
        Assert.StartsWith(message, errors.Trim(), StringComparison.Ordinal);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_is_refused()
    {
        await _cli.RunAsync("create-user", "--email", "boss@example.com", "--role", "Administrator");
        var missing = Path.Combine(_library.Path, "missing");

        var (exit, _, errors) = await _cli.RunAsync("import", "--path", missing);

        Assert.Equal((1, $"There is no folder '{missing}'."), (exit, errors.Trim()));
        await AssertNothingImportedAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
        _library.Dispose();
    }

    private async Task AssertNothingImportedAsync()
    {
        await _cli.WithServicesAsync(async services => Assert.Empty(await services.GetRequiredService<MediaDbContext>().MediaAssets.ToListAsync()));
        Assert.Empty(Directory.Exists(Path.Combine(_data.Path, "storage")) ? Directory.GetFiles(Path.Combine(_data.Path, "storage"), "*", SearchOption.AllDirectories) : []);
    }

    private SortedDictionary<string, string> Hashes() => new(
        Directory.GetFiles(_library.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_library.Path, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
