namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// DeleteVideo's answer: every ID sent that is in neither list was deleted. Alibaba's RequestId is kept for the audit.
/// </summary>
public sealed record VodDeleteOutcome(IReadOnlyList<string> ForbiddenVideoIds, IReadOnlyList<string> NonExistVideoIds, string? RequestId);
