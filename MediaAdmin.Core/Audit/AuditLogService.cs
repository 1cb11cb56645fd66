using System.Globalization;
using System.Text;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Audit;

/// <summary>The deletion audit log: searchable and exportable by those who manage accounts.</summary>
public sealed class AuditLogService(IDbContextFactory<MediaDbContext> dbFactory, PermissionService permissions)
{
    private static readonly Problem NotAllowed = Problem.Forbidden("Only administrators with the 'Manage accounts' permission may read the audit log.");

    /// <summary>Records matching the query, newest first.</summary>
    public async Task<Result<IReadOnlyList<AuditLine>>> SearchAsync(string userId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await permissions.GetAsync(db, userId, cancellationToken)).Has(PermissionNames.ManageAccounts))
        {
            return NotAllowed;
        }

        var records = db.DeletionAuditRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            var requestId = text.ToUpperInvariant();
            records = records.Where(r => r.RequestId == requestId
                || r.RemoteRequestId == requestId
                || r.UserName.Contains(text)
                || r.AccessKeyId == text
                || r.Entries.Any(e => e.VideoId == text)
                || r.ErrorCode == text);
        }

        if (query.Channel is { } channel)
        {
            records = records.Where(r => r.Channel == channel);
        }

        if (query.FromUtc is { } from)
        {
            records = records.Where(r => r.CreatedAtUtc >= from);
        }

        if (query.ToUtc is { } to)
        {
            records = records.Where(r => r.CreatedAtUtc < to);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 5000);
        var found = await records.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize)
            .Include(r => r.Entries)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var markDones = await CdnMarkDonesAsync(db, found.Select(r => r.RequestId).ToList(), cancellationToken);
        return Result<IReadOnlyList<AuditLine>>.Success(found.Select(r => new AuditLine(
            r.RequestId, r.CreatedAtUtc, r.UserName, r.Channel, r.AccessKeyId, r.RemoteAddress, r.RequestedIds, r.ErrorCode,
            r.Entries.OrderBy(e => e.Outcome).ThenBy(e => e.Id).Select(e => new AuditLineEntry(e.VideoId, e.Outcome, e.Title, e.Reason)).ToList())
            {
                RemoteRequestId = r.RemoteRequestId,
                CdnMarkDone = markDones.GetValueOrDefault(r.RequestId),
            }).ToList());
    }

    /// <summary>The reminders among <paramref name="requestIds"/> a person closed; a verified purge closes one with no one's say.</summary>
    private static async Task<Dictionary<string, AuditCdnMarkDone>> CdnMarkDonesAsync(MediaDbContext db, List<string> requestIds, CancellationToken cancellationToken)
    {
        var closed = await db.CdnInvalidations.AsNoTracking()
            .Where(i => requestIds.Contains(i.RequestId) && i.RefreshedAtUtc != null && i.VerifiedAtUtc == null)
            .Select(i => new { i.RequestId, i.RefreshedByName, i.RefreshedAtUtc, i.RefreshedReason })
            .ToListAsync(cancellationToken);
        return closed.ToDictionary(i => i.RequestId, i => new AuditCdnMarkDone(i.RefreshedByName ?? "", i.RefreshedAtUtc!.Value, i.RefreshedReason));
    }

    /// <summary>The matching records (up to 5,000) as CSV, one line per ID asked for.</summary>
    public async Task<Result<string>> ExportCsvAsync(string userId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = await SearchAsync(userId, query with { Page = 0, PageSize = 5000 }, cancellationToken);
        return found.Map(ToCsv);
    }

    private static string ToCsv(IReadOnlyList<AuditLine> lines)
    {
        var csv = new StringBuilder("request_id,time_utc,user,channel,access_key_id,remote_address,error_code,video_id,outcome,title,reason,"
            + "cdn_marked_done_by,cdn_marked_done_utc,cdn_marked_done_reason,alibaba_request_id\n");
        foreach (var line in lines)
        {
            var common = string.Join(",", Csv(line.RequestId), Time(line.CreatedAtUtc),
                Csv(line.UserName), Csv(line.Channel.ToString()), Csv(line.AccessKeyId), Csv(line.RemoteAddress), Csv(line.ErrorCode));
            var markDoneAndRemote = line.CdnMarkDone is { } done
                ? string.Join(",", Csv(done.By), Time(done.AtUtc), Csv(done.Reason), Csv(line.RemoteRequestId))
                : ",,," + Csv(line.RemoteRequestId);
            if (line.Entries.Count == 0)
            {
                csv.Append(common).Append(",,,,,").Append(markDoneAndRemote).Append('\n');
            }

            foreach (var entry in line.Entries)
            {
                csv.Append(common).Append(',').Append(string.Join(",", Csv(entry.VideoId), Csv(entry.Outcome.ToString()), Csv(entry.Title), Csv(entry.Reason), markDoneAndRemote)).Append('\n');
            }
        }

        return csv.ToString();
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula.</summary>
    internal static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value[0] == '\''
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
