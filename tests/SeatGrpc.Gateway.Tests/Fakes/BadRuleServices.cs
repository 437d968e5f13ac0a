using SeatGrpc.Gateway.Tests.BadProtos;

namespace SeatGrpc.Gateway.Tests.Fakes;

// Implementations of the services of bad_rules.proto, each with one HTTP rule that cannot be
// bound. One-line fakes, kept in one file.
public sealed class UnknownPathFieldService : UnknownPathField.UnknownPathFieldBase;

public sealed class BodyNotMessageService : BodyNotMessage.BodyNotMessageBase;

public sealed class UnknownBodyFieldService : UnknownBodyField.UnknownBodyFieldBase;

public sealed class BadTemplateService : BadTemplate.BadTemplateBase;

public sealed class UnknownResponseBodyService : UnknownResponseBody.UnknownResponseBodyBase;

public sealed class StreamingRuleService : StreamingRule.StreamingRuleBase;

public sealed class NestedThroughScalarService : NestedThroughScalar.NestedThroughScalarBase;
