package com.sparkgan.train;

import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import com.sparkgan.nets.GanLoss;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Watches each round for the classic ways GAN training fails and decides what to do:
 * <ul>
 *   <li>non-finite losses or parameters: the round is void; roll back, or stop;</li>
 *   <li>discriminator collapse: its loss near zero for {@code patience} rounds;</li>
 *   <li>vanishing gradient: the generator's gradient norm near zero for {@code patience}
 *   rounds;</li>
 *   <li>generator collapse: fakes spread far less than real examples for {@code patience}
 *   rounds (mode collapse).</li>
 * </ul>
 * A collapse signal fires once per {@code patience} rounds while it holds, with a warning
 * that names the settings that usually help; with {@code rollback} every firing guard asks
 * for a rollback instead.
 */
public final class TrainingGuards {
    /** The failure signals, with their names in {@code metrics.jsonl}. */
    public enum Signal {
        NON_FINITE("non-finite"),
        DISCRIMINATOR_COLLAPSE("discriminator-collapse"),
        VANISHING_GRADIENT("vanishing-gradient"),
        GENERATOR_COLLAPSE("generator-collapse");

        private final String key;

        Signal(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** What a fired guard asks the training loop to do. */
    public enum Action { WARN, ROLLBACK, STOP }

    /**
     * The guards' thresholds.
     *
     * @param rollback roll back instead of warning or stopping
     * @param patience rounds a collapse signal must hold
     * @param lossFloor discriminator loss of a collapsed discriminator (NaN: not checked)
     * @param gradientFloor generator gradient norm that has vanished
     * @param diversityFloor fakes' spread over real spread of a collapsed generator
     * @param loss the run's objective: the advice never suggests the loss already in use
     */
    public record Settings(boolean rollback, int patience, double lossFloor,
                           double gradientFloor, double diversityFloor, GanLoss loss) {
        public static Settings from(JobConfig config) {
            GanLoss loss = GanLoss.byName(config.get(ConfigKeys.LOSS));
            return new Settings(config.get(ConfigKeys.GUARD_ACTION).equals("rollback"),
                    config.get(ConfigKeys.GUARD_PATIENCE), loss.boundedDiscriminator()
                    ? config.get(ConfigKeys.GUARD_D_LOSS_FLOOR) : Double.NaN,
                    config.get(ConfigKeys.GUARD_GRADIENT_FLOOR),
                    config.get(ConfigKeys.GUARD_DIVERSITY_FLOOR), loss);
        }
    }

    /**
     * A guard's decision about one round.
     *
     * @param round the round that fired it
     * @param signal what was seen
     * @param action what the loop is asked to do
     * @param message the operator's explanation, with the settings that help
     */
    public record Alarm(int round, Signal signal, Action action, String message) {
        /** The record of {@code metrics.jsonl}; the loop adds what it did. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("round", round);
            map.put("guard", signal.key());
            map.put("action", action.name().toLowerCase(Locale.ROOT));
            map.put("message", message);
            return map;
        }
    }

    private final Settings settings;
    private final Map<Signal, Integer> streaks = new EnumMap<>(Signal.class);

    public TrainingGuards(Settings settings) {
        this.settings = settings;
        reset();
    }

    /** Forgets every streak, as after a rollback. */
    public void reset() {
        for (Signal signal : Signal.values()) {
            streaks.put(signal, 0);
        }
    }

    /** Whether no collapse signal is building up: a checkpoint now is a good one. */
    public boolean quiet() {
        return streaks.values().stream().allMatch(length -> length == 0);
    }

    /**
     * Checks a round; returns the alarms of the guards that fire, the most serious first
     * (non-finite values, then discriminator collapse, vanishing gradient, generator
     * collapse), or an empty list.
     *
     * @param parametersFinite whether every parameter of both networks is finite
     */
    public List<Alarm> check(RoundMetrics m, boolean parametersFinite) {
        if (!m.finite() || !parametersFinite) {
            Action action = settings.rollback() ? Action.ROLLBACK : Action.STOP;
            return List.of(new Alarm(m.round(), Signal.NON_FINITE, action, String.format(
                    Locale.ROOT, "Round %d produced non-finite values (d_loss=%s, g_loss=%s, "
                    + "D(real)=%s, D(fake)=%s, generator gradient norm %s, parameters %s); the "
                    + "round is discarded. Lower "
                    + "train.generator.learning-rate and train.discriminator.learning-rate%s.",
                    m.round(), m.discriminatorLoss(), m.generatorLoss(), m.discriminatorReal(),
                    m.discriminatorFake(), m.generatorGradient(), parametersFinite ? "finite"
                    : "not finite", settings.rollback() ? " or set train.gradient-clip"
                    : ", set train.gradient-clip, or set guard.action = rollback")));
        }
        // Every streak is updated each round, whichever fires.
        Alarm collapse = streak(Signal.DISCRIMINATOR_COLLAPSE, m,
                m.discriminatorLoss() < settings.lossFloor(), String.format(Locale.ROOT,
                "Discriminator collapse: d_loss has stayed below %s for %s (now %.2g, "
                + "generator gradient norm %.2g): the discriminator wins and the generator "
                + "learns little. Try train.real-label = 0.9, train.instance-noise = 0.1, "
                + "model.discriminator-dropout = 0.3, %sor a lower "
                + "train.discriminator.learning-rate.", settings.lossFloor(),
                rounds(settings.patience()),
                m.discriminatorLoss(), m.generatorGradient(),
                otherLosses(GanLoss.LEAST_SQUARES, GanLoss.HINGE)));
        Alarm vanishing = streak(Signal.VANISHING_GRADIENT, m,
                m.generatorGradient() < settings.gradientFloor(), String.format(Locale.ROOT,
                "Vanishing gradient: the generator's gradient norm has stayed below %s for "
                + "%s (now %.2g). Try %strain.instance-noise = 0.1, or a lower "
                + "train.discriminator.learning-rate.", settings.gradientFloor(),
                rounds(settings.patience()), m.generatorGradient(),
                otherLosses(GanLoss.STANDARD, GanLoss.LEAST_SQUARES)));
        Alarm sameness = streak(Signal.GENERATOR_COLLAPSE, m,
                m.diversity() < settings.diversityFloor(), String.format(Locale.ROOT,
                "Generator collapse: generated batches have spread %.2f of a real batch's "
                + "(below %s) for %s, so the generator makes near copies (mode "
                + "collapse). Try train.generator-ema = 0.99, model.discriminator-dropout "
                + "= 0.3, %smore train.discriminator-steps, or a lower "
                + "train.generator.learning-rate.", m.diversity(), settings.diversityFloor(),
                rounds(settings.patience()), otherLosses(GanLoss.WASSERSTEIN, GanLoss.HINGE)));
        return Stream.of(collapse, vanishing, sameness).filter(Objects::nonNull).toList();
    }

    private static String rounds(int n) {
        return n == 1 ? "1 round" : n + " rounds";
    }

    /** "train.loss = a or b, " naming the helpful losses the run does not use yet. */
    private String otherLosses(GanLoss... helpful) {
        List<String> names = new ArrayList<>();
        for (GanLoss loss : helpful) {
            if (loss != settings.loss()) {
                names.add(loss.configName());
            }
        }
        return "train.loss = " + String.join(" or ", names) + ", ";
    }

    private Alarm streak(Signal signal, RoundMetrics m, boolean holds, String message) {
        int length = holds ? streaks.get(signal) + 1 : 0;
        if (length < settings.patience()) {
            streaks.put(signal, length);
            return null;
        }
        streaks.put(signal, 0);
        return new Alarm(m.round(), signal, settings.rollback() ? Action.ROLLBACK : Action.WARN,
                message);
    }
}
