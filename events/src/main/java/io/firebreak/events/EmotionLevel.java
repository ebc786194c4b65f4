package io.firebreak.events;

/** How angry the customer reads: calm, upset, angry, furious. */
public enum EmotionLevel {
    CALM,
    UPSET,
    ANGRY,
    FURIOUS
}
