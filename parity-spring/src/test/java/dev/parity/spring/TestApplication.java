package dev.parity.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest Boot application with a datasource: what {@code @SpringBootTest} classes here start. */
@SpringBootApplication
class TestApplication {}
