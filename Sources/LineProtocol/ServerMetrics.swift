import Foundation
import Prometheus

/// What `gids serve` has done since it started, for the operator's monitoring: counts and
/// timings only, never what anyone said, in the Prometheus text format (``text``) that
/// node_exporter's textfile collector reads. Safe to update and read from any thread.
public final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    let lines: Counter
    let turns: Counter
    let crisisAnswers: Counter
    let unkeptCrisisAnswers: Counter
    let checkQuestions: Counter
    let restartedNodes: Counter
    let storageFailures: Counter
    let sessions: Gauge
    let commitDuration: DurationHistogram

    public init(started: Date) {
        lines = registry.makeCounter(descriptor: Self.name("lines", "total", "Request lines read, of any kind."))
        turns = registry.makeCounter(
            descriptor: Self.name("turns", "total", "Replies of the guide to a conversation line."))
        crisisAnswers = registry.makeCounter(
            descriptor: Self.name("crisis_answers", "total", "Turns that gave the crisis answer."))
        unkeptCrisisAnswers = registry.makeCounter(
            descriptor: Self.name(
                "crisis_answers_unkept", "total",
                "Crisis answers given while the store could not keep the turn (also counted in gids_crisis_answers_total)."
            ))
        checkQuestions = registry.makeCounter(
            descriptor: Self.name("check_questions", "total", "Turns that asked the safety net's check question."))
        restartedNodes = registry.makeCounter(
            descriptor: Self.name(
                "nodes_restarted", "total",
                "Conversations whose node a content update edited: it started again, with a notice."))
        storageFailures = registry.makeCounter(
            descriptor: Self.name("storage_failures", "total", "Transactions the session store could not commit."))
        sessions = registry.makeGauge(
            descriptor: Self.name("conversations", "", "Conversations going on in the store."))
        commitDuration = registry.makeDurationHistogram(
            descriptor: Self.name(
                "commit_duration", "seconds",
                "Time from the start of a batch's commit until its replies could be written."),
            buckets: [
                .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(50), .milliseconds(100),
                .milliseconds(500), .seconds(1), .seconds(5),
            ])
        registry.makeGauge(
            descriptor: Self.name("start_time", "seconds", "When this gids serve started, in seconds since 1970.")
        )
        .set(started.timeIntervalSince1970)
        // Shown from the start, so that a rate can be taken before the first one.
        for result in ContentReload.allCases { reloads(result).increment(by: Int64(0)) }
    }

    /// How a content reload (SIGHUP) ended.
    public enum ContentReload: String, CaseIterable, Sendable {
        /// The new content was checked and is served.
        case loaded
        /// The new content had errors; the content that was running stays.
        case refused
    }

    /// Counts a content reload.
    public func countReload(_ result: ContentReload) {
        reloads(result).increment()
    }

    private func reloads(_ result: ContentReload) -> Counter {
        registry.makeCounter(
            descriptor: Self.name("content_reloads", "total", "Content reloads on SIGHUP, by result."),
            labels: [("result", result.rawValue)])
    }

    /// Counts an error line sent to a bridge, by its code (`invalid_json`, `storage_failed`, ...).
    func countError(code: String) {
        registry.makeCounter(
            descriptor: Self.name("errors", "total", "Error lines written to bridges, by code."),
            labels: [("code", code)]
        ).increment()
    }

    func count(_ tally: TurnTally) {
        turns.increment(by: Int64(tally.turns))
        crisisAnswers.increment(by: Int64(tally.crisisAnswers))
        checkQuestions.increment(by: Int64(tally.checkQuestions))
        restartedNodes.increment(by: Int64(tally.restartedNodes))
    }

    /// Every metric in the Prometheus text exposition format.
    public var text: [UInt8] {
        registry.emitToBuffer()
    }

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "gids", metricName: metric, unitName: unit, helpText: help)
    }
}
