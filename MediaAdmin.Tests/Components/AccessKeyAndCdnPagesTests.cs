using Bunit;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Web.Api;
using MediaAdmin.Web.Components.Pages.AccessKeys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Components;

/// <summary>The AccessKeys page rendered by bUnit over the real Core services on a real SQLite file.</summary>
public sealed class AccessKeyAndCdnPagesTests : CoreComponentTest
{
    [Fact]
    public async Task A_new_key_shows_its_secret_once_and_a_third_cannot_be_made()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var page = RenderAs<AccessKeysPage>(editor);

        page.Find("[data-testid=create-access-key]").Click();
        var id = page.Find("[data-testid=new-access-key-id]").TextContent;
        var secret = page.Find("[data-testid=new-access-key-secret]").TextContent;
        page.Find("[data-testid=create-access-key]").Click();

        Assert.Equal(secret, (await App.Services.GetRequiredService<AccessKeyService>().ForSigningAsync(id)).Secret);
        Assert.Equal(2, page.FindAll("[data-testid=access-key-row]").Count);
        Assert.True(page.Find("[data-testid=create-access-key]").HasAttribute("disabled"));
        Assert.DoesNotContain(secret, page.Find("table").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<TPage> RenderAs<TPage>(Core.Accounts.MediaUser user)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        SignInWith(user, typeof(AccessKeyService), typeof(PermissionService), typeof(IOptions<CdnOptions>));
        Services.AddSingleton(Options.Create(new ApiOptions()));
        RenderProviders();
        return Render<TPage>();
    }
}
