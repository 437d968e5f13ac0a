using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace SeatGrpc.Runtime.Server.Internal;

/// <summary>One method ready to be routed: its description, its endpoint's delegate and its catalog entry.</summary>
/// <param name="Method">The method.</param>
/// <param name="RequestDelegate">The endpoint's request delegate.</param>
/// <param name="Entry">The catalog entry.</param>
internal sealed record BoundMethod(IMethod Method, RequestDelegate RequestDelegate, GrpcMethodEntry Entry);
