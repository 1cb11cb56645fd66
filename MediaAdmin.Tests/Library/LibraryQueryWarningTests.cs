using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Library;

/// <summary>
/// Core on a context that throws where EF would log "Skip/Take without OrderBy". Its own options make EF
/// compile every query afresh for it; the model is the one every other host uses, since compiled queries
/// (the permission check's) refuse to run against another.
/// </summary>
public sealed class LibraryQueryWarningTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private CoreHost _app = null!;

    public async Task InitializeAsync()
    {
        var model = await SharedModelAsync();
        _app = await CoreHost.StartAsync(_folder.Path, services => services.ConfigureDbContext<SqliteMediaDbContext>(o =>
            o.UseModel(model).ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning))));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Library_queries_never_limit_rows_without_an_order()
    {
        var editor = await _app.CreateUserAsync(RoleNames.Editor);
        var assets = await _app.AddAssetsAsync(editor.Id, 3, title: "Harbour tour");
        var library = _app.Services.GetRequiredService<LibraryQueryService>();

        foreach (var sort in Enum.GetValues<LibrarySort>())
        {
            foreach (var search in new[] { null, "harbour" })
            {
                await library.QueryAsync(editor.Id, new LibraryQuery { Sort = sort, Search = search, PageSize = 2, Page = 1 });
                await library.QueryAsync(editor.Id, new LibraryQuery { Sort = sort, Search = search, Descending = false, MineOnly = true });
            }
        }

        await library.QueryAsync(editor.Id, new LibraryQuery { MediaType = MediaType.Video, Status = MediaStatus.Normal, CreatedFromUtc = DateTime.UnixEpoch });
        await library.DetailsAsync(editor.Id, new LibraryQuery { VideoIds = assets.Select(a => a.Id).ToList(), Statuses = [MediaStatus.Normal] });
        await library.DetailsAsync(editor.Id, new LibraryQuery { VideoId = assets[0].Id, PageSize = 1 });
        Assert.Empty(await library.CategoriesAsync());
    }

    private static async Task<IModel> SharedModelAsync()
    {
        using var folder = new TempFolder();
        await using var app = await CoreHost.StartAsync(folder.Path);
        await using var db = await app.OpenDbAsync();
        return db.Model;
    }
}
