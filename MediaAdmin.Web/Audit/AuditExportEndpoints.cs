using System.Security.Claims;
using System.Text;
using MediaAdmin.Core.Audit;
using MediaAdmin.Web.Authorization;

namespace MediaAdmin.Web.Audit;

internal static class AuditExportEndpoints
{
    /// <summary>The audit log as CSV; the policy and the service both check the caller may manage accounts.</summary>
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/audit.csv", async (ClaimsPrincipal user, AuditLogService auditLog, TimeProvider clock, string? q, string? channel, CancellationToken cancellationToken) =>
        {
            DeletionChannel? parsed = Enum.TryParse<DeletionChannel>(channel, ignoreCase: true, out var c) ? c : null;
            var csv = await auditLog.ExportCsvAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, new AuditQuery(q, parsed), cancellationToken);
            return csv.TryGetValue(out var text)
                ? Results.File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", $"deletion-audit-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv")
                : Results.Problem(csv.Error, statusCode: StatusCodes.Status403Forbidden);
        }).RequireAuthorization(PermissionPolicies.ManageAccounts);
        return endpoints;
    }
}
