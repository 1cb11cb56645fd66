using System.Security.Claims;
using MediaAdmin.Core.Permissions;
using Microsoft.AspNetCore.Authorization;

namespace MediaAdmin.Web.Authorization;

/// <summary>Authorization policies named after the permission they demand.</summary>
public static class PermissionPolicies
{
    public const string ManageAccounts = PermissionNames.ManageAccounts;

    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var permission in PermissionNames.All)
        {
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        }

        // Every console page needs at least the right to read the library.
        builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(PermissionNames.ReadMedia)).Build());
        return builder;
    }
}

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Decides from the database, not from claims in the cookie, so a revoked role counts at once.</summary>
internal sealed class PermissionAuthorizationHandler(PermissionService permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }

        var granted = await permissions.GetAsync(userId);
        if (granted.Has(requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
