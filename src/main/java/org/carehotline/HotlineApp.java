package org.carehotline; public class HotlineApp { public static void main(String[] a){} }
