using Bunit;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources;
using MediaAdmin.Core.Sources.AlibabaVod.Status;
using MediaAdmin.Tests.Components;
using MediaAdmin.Web.Authorization;
using MediaAdmin.Web.Components.Layout;
using MediaAdmin.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MediaAdmin.Tests.Sources;

public sealed class SourcePageLocalTests : CoreComponentTest
{
    [Fact]
    public async Task With_the_local_library_the_Source_page_shows_nothing_of_a_remote_and_says_why()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        SignInWith(admin, typeof(SourceStatusService));

        var page = Render<SourcePage>();

        page.WaitForAssertion(() => Assert.Contains("Library:Source is Local", page.Find("[data-testid=source-problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=source-sync-now]"));
    }

    [Theory]
    [InlineData(LibrarySourceKind.AlibabaVod, 1)]
    [InlineData(LibrarySourceKind.Local, 0)]
    public void The_menu_links_the_Source_page_only_for_an_ApsaraVideo_VOD_library(LibrarySourceKind source, int links)
    {
        Services.Configure<LibrarySourceOptions>(options => options.Source = source);
        AddAuthorization().SetAuthorized("admin").SetPolicies(PermissionPolicies.ManageAccounts);
        Render<MudPopoverProvider>();

        var menu = Render<NavMenu>();

        Assert.Equal(links, menu.FindAll("[data-testid=source-nav]").Count);
    }
}
