using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Instances;

/// <summary>
/// What two instances on one database must share: sign-ins, nonces, AccessKeys, the per-user DeleteVideo rate
/// and the news of deletions. Run once on the database alone and once with Redis.
/// </summary>
public abstract class TwoInstanceTests<TInstances>(TInstances instances) : IClassFixture<TInstances>
    where TInstances : TwoInstances
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    protected TInstances Instances { get; } = instances;

    private ConsoleServer A => Instances.A;

    private ConsoleServer B => Instances.B;

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_instance_is_accepted_by_the_other()
    {
        var editor = await A.CreateUserAsync(RoleNames.Editor);
        var cookies = new CookieContainer();
        using var onA = A.CreateClient(cookies);
        using var onB = B.CreateClient(cookies);
        using var stranger = B.CreateClient();

        using var signIn = await ConsoleServer.PostLoginAsync(onA, editor.Email!, "Test-Password-1");
        using var libraryOnB = await onB.GetAsync("/");
        using var libraryForStranger = await stranger.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, libraryOnB.StatusCode);
        Assert.Contains("/Account/Login", libraryForStranger.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nonce_used_on_one_instance_is_refused_on_the_other()
    {
        var editor = await A.CreateUserAsync(RoleNames.Editor);
        var key = await TwoInstances.KeyOnAsync(A, editor.Id);
        var query = "/?" + SignedRequests.DeleteVideoQuery(key.Id, key.Secret, VideoId.New());
        using var apiA = new HttpClient { BaseAddress = A.ApiAddress };
        using var apiB = new HttpClient { BaseAddress = B.ApiAddress };

        var first = await CodeAsync(await apiA.GetAsync(query));
        var replayed = await CodeAsync(await apiB.GetAsync(query));

        Assert.Equal("InvalidVideo.NotFound", first);
        Assert.Equal("SignatureNonceUsed", replayed);
    }

    [Fact]
    public async Task An_AccessKey_created_on_one_instance_works_on_the_other()
    {
        var editor = await A.CreateUserAsync(RoleNames.Editor);
        var asset = await TwoInstances.IngestAsync(A, editor.Id, "Key test " + Guid.NewGuid().ToString("N")[..8]);
        var key = await TwoInstances.KeyOnAsync(A, editor.Id);
        using var apiB = new HttpClient { BaseAddress = B.ApiAddress };

        using var answer = await apiB.GetAsync("/?" + SignedRequests.DeleteVideoQuery(key.Id, key.Secret, asset.Id));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Null(await CodeAsync(answer));
        Assert.False(await ExistsAsync(asset.Id));
    }

    [Fact]
    public async Task Forty_DeleteVideo_calls_of_one_user_in_one_second_over_both_instances_let_only_thirty_through()
    {
        var editor = await A.CreateUserAsync(RoleNames.Editor);
        var key = await TwoInstances.KeyOnAsync(A, editor.Id);
        using var apiA = new HttpClient { BaseAddress = A.ApiAddress };
        using var apiB = new HttpClient { BaseAddress = B.ApiAddress };

        var codes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
            await CodeAsync(await (i % 2 == 0 ? apiA : apiB).GetAsync("/?" + SignedRequests.DeleteVideoQuery(key.Id, key.Secret, VideoId.New())))));

        Assert.Equal(30, codes.Count(c => c == "InvalidVideo.NotFound"));
        Assert.Equal(10, codes.Count(c => c == "Throttling.User"));
    }

    [Fact]
    public async Task A_deletion_committed_on_one_instance_is_raised_once_on_each_instance()
    {
        var editor = await A.CreateUserAsync(RoleNames.Editor);
        var first = await TwoInstances.IngestAsync(A, editor.Id, "Raised once first");
        var second = await TwoInstances.IngestAsync(A, editor.Id, "Raised once second");
        var heardOnA = Listen(A);
        var heardOnB = Listen(B);

        var deletedOnA = await TwoInstances.DeleteThroughConsoleAsync(A, editor.Id, first.Id);
        await Eventually.HoldsAsync(Deadline, () => heardOnB.Any(d => d.RequestId == deletedOnA.RequestId));

        // A hears B's later deletion only after every route has brought it A's own; none may raise it again.
        var deletedOnB = await TwoInstances.DeleteThroughConsoleAsync(B, editor.Id, second.Id);
        await Eventually.HoldsAsync(Deadline, () => heardOnA.Any(d => d.RequestId == deletedOnB.RequestId));

        Assert.Equal([first.Id], Assert.Single(heardOnA, d => d.RequestId == deletedOnA.RequestId).VideoIds);
        Assert.Equal([first.Id], Assert.Single(heardOnB, d => d.RequestId == deletedOnA.RequestId).VideoIds);
        Assert.Equal([second.Id], Assert.Single(heardOnA, d => d.RequestId == deletedOnB.RequestId).VideoIds);
        Assert.Equal(editor.UserName, Assert.Single(heardOnB, d => d.RequestId == deletedOnA.RequestId).DeletedBy);
    }

    [Fact]
    public async Task A_library_page_on_one_instance_drops_assets_deleted_through_the_other_instances_console_and_API()
    {
        var editor = await A.CreateUserAsync(RoleNames.Editor);
        var word = $"w{Guid.NewGuid():N}"[..12];
        var byConsole = await TwoInstances.IngestAsync(A, editor.Id, $"Harbour {word} console");
        var byApi = await TwoInstances.IngestAsync(A, editor.Id, $"Harbour {word} api");
        var key = await TwoInstances.KeyOnAsync(A, editor.Id);
        var page = await Instances.Browser.SignInAsync(B.BaseAddress, editor.Email!);
        var pageOnA = await Instances.Browser.SignInAsync(A.BaseAddress, editor.Email!);
        try
        {
            await page.GotoAsync($"/?q={word}");
            await BrowserFixture.WaitForLibraryAsync(page);
            await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=library-grid] tbody tr [data-testid=row-id]').length === 2");

            // Deleted as a person does on A's console: select, Delete selected, confirm.
            await pageOnA.GotoAsync($"/?id={byConsole.Id}");
            await BrowserFixture.WaitForLibraryAsync(pageOnA);
            await BrowserFixture.Input(pageOnA, $"select-{byConsole.Id}").CheckAsync();
            await pageOnA.ClickAsync("[data-testid=delete-selected]");
            await pageOnA.ClickAsync("[data-testid=confirm-delete]");
            await Assertions.Expect(pageOnA.Locator("[data-testid=deleted-list]")).ToContainTextAsync(byConsole.Id, new() { Timeout = (float)Deadline.TotalMilliseconds });
            await page.WaitForFunctionAsync(
                $"() => !document.querySelector('[data-testid=library-grid]').innerText.includes('{byConsole.Id}')", null, new() { Timeout = (float)Deadline.TotalMilliseconds });

            using var apiA = new HttpClient { BaseAddress = A.ApiAddress };
            Assert.Null(await CodeAsync(await apiA.GetAsync("/?" + SignedRequests.DeleteVideoQuery(key.Id, key.Secret, byApi.Id))));
            await page.WaitForFunctionAsync(
                $"() => !document.querySelector('[data-testid=library-grid]').innerText.includes('{byApi.Id}')", null, new() { Timeout = (float)Deadline.TotalMilliseconds });
        }
        finally
        {
            await page.Context.CloseAsync();
            await pageOnA.Context.CloseAsync();
        }
    }

    private static ConcurrentQueue<AssetsDeleted> Listen(ConsoleServer server)
    {
        var heard = new ConcurrentQueue<AssetsDeleted>();
        server.Services.GetRequiredService<DeletionNotifier>().Deleted += heard.Enqueue;
        return heard;
    }

    private async Task<bool> ExistsAsync(string assetId)
    {
        await using var scope = B.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().MediaAssets.AnyAsync(a => a.Id == assetId);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return root.TryGetProperty("Code", out var code) ? code.GetString() : null;
        }
    }
}
