using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cli;

/// <summary>grant-categories sets an Editor's categories from scripts, and refuses bad input without changing anything.</summary>
public sealed class GrantCategoriesVerbTests : IAsyncLifetime
{
    private const string Editor = "editor@example.com";

    private readonly TempFolder _folder = new();
    private readonly CliHarness _cli;

    public GrantCategoriesVerbTests() => _cli = new CliHarness(_folder.Path);

    public async Task InitializeAsync()
    {
        await _cli.RunAsync("create-user", "--email", Editor, "--role", "Editor");
        await _cli.RunAsync("create-user", "--email", "viewer@example.com", "--role", "Viewer");
        await _cli.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MediaDbContext>();
            db.Categories.AddRange(new Category { Id = 1001, Name = "News" }, new Category { Id = 1002, Name = "Sport" }, new Category { Id = 1003, Name = "Weather" });
            await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Grants_are_replaced_by_name_and_what_is_now_granted_is_printed()
    {
        var (exit, output, errors) = await _cli.RunAsync("grant-categories", "--email", Editor, "--categories", " news,SPORT , News");

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"Granted to {Editor}: News, Sport.", lines[0]);
        Assert.Equal("Library:Source is Local, where assets have owners: the grants take effect once the source is AlibabaVod.", lines[1]);
        Assert.Equal([1001L, 1002L], await GrantedAsync());

        var replaced = await _cli.RunAsync("grant-categories", "--email", Editor, "--categories", "Weather");
        var cleared = await _cli.RunAsync("grant-categories", "--email", Editor, "--categories", "");

        Assert.StartsWith($"Granted to {Editor}: Weather.", replaced.Output, StringComparison.Ordinal);
        Assert.StartsWith($"Granted to {Editor}: no categories.", cleared.Output, StringComparison.Ordinal);
        Assert.Empty(await GrantedAsync());
    }

    [Theory]
    [InlineData(Editor, "News,Fashion,Cooking", "No such category: \"Fashion\", \"Cooking\". Nothing was changed.")]
    [InlineData("nobody@example.com", "News", "No account for nobody@example.com.")]
    [InlineData("viewer@example.com", "News", "viewer@example.com is a Viewer, not an Editor: viewers may delete no video, so categories are granted only to Editors. Nothing was changed.")]
    public async Task Bad_input_is_refused_with_a_specific_message_and_changes_nothing(string email, string categories, string message)
    {
        await _cli.RunAsync("grant-categories", "--email", Editor, "--categories", "Sport");

        var (exit, output, errors) = await _cli.RunAsync("grant-categories", "--email", email, "--categories", categories);

        Assert.Equal((1, message), (exit, errors.Trim()));
        Assert.Empty(output);
        Assert.Equal([1002L], await GrantedAsync());
    }

    [Fact]
    public async Task Without_categories_the_verb_says_what_it_needs()
    {
        var (exit, _, errors) = await _cli.RunAsync("grant-categories", "--email", Editor);

        Assert.Equal(2, exit);
        Assert.Equal("grant-categories needs --email and --categories (names separated by commas; \"\" clears the grants).", errors.Trim());
    }

    private async Task<List<long>> GrantedAsync()
    {
        var granted = new List<long>();
        await _cli.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MediaDbContext>();
            var editor = await db.Users.SingleAsync(u => u.Email == Editor);
            granted = await db.CategoryGrants.Where(g => g.UserId == editor.Id).OrderBy(g => g.CategoryId).Select(g => g.CategoryId).ToListAsync();
        });
        return granted;
    }
}
